package org.certhub.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Fetches and caches an OAuth 2.0 access token with the client credentials grant, through the token endpoint's
 * own {@link OutboundHttp}. The token is reused until {@link #EXPIRY_MARGIN} before its {@code expires_in}, and
 * dropped at once when the resource server answers 401 ({@link #invalidate}).
 */
final class OAuth2TokenSource {

    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboundHttp tokenEndpoint;
    private final HttpAuth.ClientCredentials credentials;
    private final Clock clock;

    private String token;
    private Instant refreshAt = Instant.MIN;

    OAuth2TokenSource(OutboundHttp tokenEndpoint, HttpAuth.ClientCredentials credentials, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.credentials = credentials;
        this.clock = clock;
    }

    synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets {@code rejected} if it is still the cached token, so the next call fetches a fresh one. */
    synchronized void invalidate(String rejected) {
        if (rejected.equals(token)) {
            token = null;
        }
    }

    private void fetch() {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (credentials.scope() != null) {
            form.append("&scope=").append(URLEncoder.encode(credentials.scope(), StandardCharsets.UTF_8));
        }
        // RFC 6749 section 2.3.1: client id and secret are form-encoded before the Basic encoding
        String basic = URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(credentials.clientSecret().value(), StandardCharsets.UTF_8);
        Instant requestedAt = clock.instant();
        HttpResult result = tokenEndpoint.send(new HttpCall(
                "POST",
                null,
                form.toString().getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded",
                Map.of(
                        "Accept",
                        "application/json",
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)))));
        if (!result.isSuccess()) {
            throw new RemoteCallException(
                    "token endpoint answered " + result.status(), result.isTransientFailure(), result.status(), null);
        }
        JsonNode answer;
        try {
            answer = result.body() == null ? null : JSON.readTree(result.body());
        } catch (IOException e) {
            throw new RemoteCallException("token endpoint answered no JSON", false, result.status(), e);
        }
        JsonNode accessToken = answer == null ? null : answer.get("access_token");
        if (accessToken == null
                || !accessToken.isTextual()
                || accessToken.asText().isBlank()) {
            throw new RemoteCallException("token endpoint answered no access_token", false, result.status(), null);
        }
        JsonNode expiresIn = answer.get("expires_in");
        Duration lifetime = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                ? Duration.ofSeconds(expiresIn.asLong())
                : DEFAULT_LIFETIME;
        Duration margin = lifetime.compareTo(EXPIRY_MARGIN.multipliedBy(2)) > 0 ? EXPIRY_MARGIN : lifetime.dividedBy(2);
        token = accessToken.asText();
        refreshAt = requestedAt.plus(lifetime).minus(margin);
    }
}

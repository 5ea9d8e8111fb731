package org.certhub.connectors.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Sends JSON requests to one remote API with the configured authentication. With OAuth 2.0, a 401 answer
 * drops the cached token and the request is sent once more with a fresh one. Connection failures and
 * timeouts become transient {@link RemoteCallException}s; HTTP answers of any status are returned.
 */
public final class JsonHttpClient {

    private final HttpSettings settings;
    private final HttpClient client;
    private final OAuth2TokenSource tokens;

    public JsonHttpClient(HttpSettings settings, Clock clock) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.tokens = settings.auth() instanceof HttpAuth.ClientCredentials credentials
                ? new OAuth2TokenSource(client, credentials, settings.requestTimeout(), clock, new ObjectMapper())
                : null;
    }

    /**
     * Sends one request to {@code uri} (the configured URL, possibly with an encoded query).
     *
     * @param method  GET, POST or PUT
     * @param body    the JSON body, or null for none
     * @param headers extra headers (e.g. {@code Idempotency-Key})
     */
    public HttpResult send(URI uri, String method, String body, Map<String, String> headers) {
        String token = tokens == null ? null : tokens.token();
        HttpResult result = exchange(client, build(uri, method, body, headers, token), "remote system");
        if (result.status() == 401 && tokens != null) {
            tokens.invalidate(token);
            result = exchange(client, build(uri, method, body, headers, tokens.token()), "remote system");
        }
        return result;
    }

    public HttpSettings settings() {
        return settings;
    }

    private HttpRequest build(URI uri, String method, String body, Map<String, String> headers, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        TraceHeaders.addTo(request);
        if (settings.auth() instanceof HttpAuth.ApiKey apiKey) {
            request.header(apiKey.header(), apiKey.key());
        } else if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    static HttpResult exchange(HttpClient client, HttpRequest request, String what) {
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpResult(response.statusCode(), response.body());
        } catch (IOException e) {
            // HttpTimeoutException and HttpConnectTimeoutException are IOExceptions too
            throw new RemoteCallException(what + " unreachable: " + e.getClass().getSimpleName(), true, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException("interrupted while calling the " + what, true, 0, e);
        }
    }
}

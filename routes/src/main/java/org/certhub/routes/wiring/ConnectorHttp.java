package org.certhub.routes.wiring;

import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.HttpSettings;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how a connector calls its outside system ({@code certhub.connectors.<kind>.rest.*}): URL, time limits
 * and authentication. Secrets come from environment variables and never show in {@link #toString()}.
 */
public record ConnectorHttp(
        URI url,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        Auth auth) {

    /** {@code auth.type}: {@code none}, {@code api-key} (header and value) or {@code oauth2} (client credentials). */
    public record Auth(
            @Pattern(regexp = "none|api-key|oauth2") String type, ApiKey apiKey, OAuth2 oauth2) {}

    public record ApiKey(@DefaultValue("X-API-Key") String header, String value) {
        @Override
        public String toString() {
            return "ApiKey[header=" + header + ", value=****]";
        }
    }

    public record OAuth2(URI tokenUrl, String clientId, String clientSecret, String scope) {
        @Override
        public String toString() {
            return "OAuth2[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=****]";
        }
    }

    /** The connector's HTTP settings; {@code what} names the property prefix in error messages. */
    public HttpSettings settings(String what) {
        if (url == null) {
            throw new IllegalStateException(what + ".url is required");
        }
        return new HttpSettings(url, auth(what), connectTimeout, requestTimeout);
    }

    private HttpAuth auth(String what) {
        String type = auth == null || auth.type() == null || auth.type().isBlank() ? "none" : auth.type();
        return switch (type) {
            case "api-key" -> {
                if (auth.apiKey() == null
                        || ChannelAuth.blankToNull(auth.apiKey().value()) == null) {
                    throw new IllegalStateException(what + ".auth.api-key.value is required for api-key auth");
                }
                yield new HttpAuth.ApiKey(auth.apiKey().header(), auth.apiKey().value());
            }
            case "oauth2" -> {
                if (auth.oauth2() == null) {
                    throw new IllegalStateException(what + ".auth.oauth2.* is required for oauth2 auth");
                }
                yield new HttpAuth.ClientCredentials(
                        auth.oauth2().tokenUrl(),
                        auth.oauth2().clientId(),
                        auth.oauth2().clientSecret(),
                        ChannelAuth.blankToNull(auth.oauth2().scope()));
            }
            default -> new HttpAuth.None();
        };
    }
}

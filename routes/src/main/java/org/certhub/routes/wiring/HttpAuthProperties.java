package org.certhub.routes.wiring;

import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.certhub.connectors.http.HttpAuth;

/**
 * How a connector authenticates to the system it calls ({@code <prefix>.auth.*} of every HTTP connector: ID
 * service, payer, SMS gateway, locker, the polled FHIR server): the one mapping of settings to {@link HttpAuth}.
 * Secrets come from environment variables and never show in {@link #toString()}.
 *
 * @param type     {@code none}, {@code basic}, {@code bearer}, {@code api-key}, {@code oauth2}, {@code hmac} or
 *                 {@code digilocker-hmac}
 * @param username for {@code basic}
 * @param secret   password, token, API key or HMAC key
 * @param header   the header of an API key or HMAC (blank: the type's default)
 * @param apiKey   {@code api-key.header} and {@code api-key.value}, the same as {@code header} and {@code secret}
 * @param oauth2   for {@code oauth2}: token URL, client id and secret, scope
 */
public record HttpAuthProperties(
        @Pattern(regexp = "none|basic|bearer|api-key|oauth2|hmac|digilocker-hmac")
        String type,

        String username,
        String secret,
        String header,
        ApiKey apiKey,
        OAuth2 oauth2) {

    public HttpAuthProperties {
        type = type == null || type.isBlank() ? "none" : type.trim();
    }

    /** {@code api-key.header} and {@code api-key.value}. */
    public record ApiKey(String header, String value) {
        @Override
        public String toString() {
            return "ApiKey[header=" + header + ", value=****]";
        }
    }

    /** {@code oauth2.token-url}, {@code .client-id}, {@code .client-secret}, {@code .scope}. */
    public record OAuth2(URI tokenUrl, String clientId, String clientSecret, String scope) {
        @Override
        public String toString() {
            return "OAuth2[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=****]";
        }
    }

    /** The authentication; {@code prefix} names the settings (e.g. {@code certhub.channels.sms.auth}) in errors. */
    public HttpAuth toHttpAuth(String prefix) {
        HttpAuth.Type kind = HttpAuth.type(type);
        String key = switch (kind) {
            case API_KEY -> firstNonBlank(apiKey == null ? null : apiKey.value(), secret);
            case OAUTH2 -> firstNonBlank(oauth2 == null ? null : oauth2.clientSecret(), secret);
            default -> blankToNull(secret);
        };
        if (kind != HttpAuth.Type.NONE && key == null) {
            throw new IllegalStateException(prefix + "." + secretKey(kind) + " is required for " + type + " auth");
        }
        if (kind == HttpAuth.Type.OAUTH2 && (oauth2 == null || oauth2.tokenUrl() == null)) {
            throw new IllegalStateException(prefix + ".oauth2.token-url is required for oauth2 auth");
        }
        return HttpAuth.of(
                kind,
                kind == HttpAuth.Type.OAUTH2 ? firstNonBlank(oauth2.clientId(), username) : username,
                key,
                firstNonBlank(apiKey == null ? null : apiKey.header(), header),
                oauth2 == null ? null : oauth2.tokenUrl(),
                oauth2 == null ? null : blankToNull(oauth2.scope()));
    }

    private static String secretKey(HttpAuth.Type kind) {
        return switch (kind) {
            case API_KEY -> "api-key.value";
            case OAUTH2 -> "oauth2.client-secret";
            default -> "secret";
        };
    }

    private static String firstNonBlank(String first, String second) {
        return blankToNull(first) != null ? blankToNull(first) : blankToNull(second);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "HttpAuthProperties[type=" + type + ", header=" + header + ", secret="
                + (blankToNull(secret) == null ? "unset" : "****") + ", apiKey=" + apiKey + ", oauth2=" + oauth2 + "]";
    }
}

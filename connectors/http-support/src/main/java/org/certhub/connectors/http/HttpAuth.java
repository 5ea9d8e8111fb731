package org.certhub.connectors.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a connector authenticates to the outside system it calls: the one set of variants every HTTP connector
 * (ID services, payers, SMS gateways, webhooks, lockers, the polled FHIR server) chooses from. Every variant
 * hides its secret in {@code toString}.
 */
public sealed interface HttpAuth {

    /**
     * Adds the authentication header(s) of a request carrying {@code body} (HMAC variants sign it). The bearer
     * token of {@link ClientCredentials} is fetched and added by {@link OutboundHttp}, which caches it.
     */
    void apply(Map<String, String> headers, byte[] body);

    /** The kinds configuration names with {@code auth.type} ({@code none}, {@code basic}, ... {@code oauth2}). */
    enum Type {
        NONE,
        BASIC,
        BEARER,
        API_KEY,
        /** OAuth 2.0 client credentials */
        OAUTH2,
        /** lower-case hex HMAC-SHA256 of the body */
        HMAC,
        /** Base64 of the hex HMAC-SHA256 of the body, as DigiLocker signs */
        DIGILOCKER_HMAC
    }

    /**
     * Builds the variant a flat configuration describes.
     *
     * @param username for {@code BASIC}; the client id for {@code OAUTH2}
     * @param secret   the password, token, API key, HMAC key or client secret (ignored for {@code NONE})
     * @param header   the header carrying the API key or HMAC; when null: {@code X-API-Key},
     *                 {@code X-Signature}, {@code x-digilocker-hmac}
     * @param tokenUrl the token endpoint for {@code OAUTH2}
     * @param scope    the scopes {@code OAUTH2} asks for, or null
     */
    static HttpAuth of(Type type, String username, String secret, String header, URI tokenUrl, String scope) {
        return switch (Objects.requireNonNull(type, "auth type")) {
            case NONE -> new None();
            case BASIC -> new Basic(username, Secret.of(secret));
            case BEARER -> new Bearer(Secret.of(secret));
            case API_KEY -> new ApiKey(header == null ? "X-API-Key" : header, Secret.of(secret));
            case OAUTH2 -> new ClientCredentials(tokenUrl, username, Secret.of(secret), scope);
            case HMAC ->
                new BodyHmac(header == null ? "X-Signature" : header, Secret.of(secret), BodyHmac.Encoding.HEX);
            case DIGILOCKER_HMAC ->
                new BodyHmac(
                        header == null ? "x-digilocker-hmac" : header,
                        Secret.of(secret),
                        BodyHmac.Encoding.BASE64_OF_HEX);
        };
    }

    /** Parses {@code none|basic|bearer|api-key|oauth2|hmac|digilocker-hmac} as written in configuration. */
    static Type type(String name) {
        return Type.valueOf(name.trim().replace('-', '_').toUpperCase(Locale.ROOT));
    }

    /** No authentication (a system on a private network, or one authenticated by mutual TLS). */
    record None() implements HttpAuth {
        @Override
        public void apply(Map<String, String> headers, byte[] body) {
            // nothing to add
        }
    }

    /** RFC 7617 Basic authentication. */
    record Basic(String username, Secret password) implements HttpAuth {
        public Basic {
            HttpSettings.requireHeaderValue(username, "basic auth username");
            if (username.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a basic auth username must not contain ':'");
            }
            Objects.requireNonNull(password, "basic auth password");
        }

        @Override
        public void apply(Map<String, String> headers, byte[] body) {
            String pair = username + ":" + password.value();
            headers.put(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** RFC 6750 bearer token. */
    record Bearer(Secret token) implements HttpAuth {
        public Bearer {
            Objects.requireNonNull(token, "bearer token");
            HttpSettings.requireHeaderValue(token.value(), "bearer token");
        }

        @Override
        public void apply(Map<String, String> headers, byte[] body) {
            headers.put("Authorization", "Bearer " + token.value());
        }
    }

    /** A static key in a named header ({@code X-API-Key: ...}). */
    record ApiKey(String header, Secret key) implements HttpAuth {
        public ApiKey {
            HttpSettings.requireHeaderName(header, "the API key header");
            Objects.requireNonNull(key, "API key");
            HttpSettings.requireHeaderValue(key.value(), "the API key");
        }

        @Override
        public void apply(Map<String, String> headers, byte[] body) {
            headers.put(header, key.value());
        }
    }

    /**
     * OAuth 2.0 client credentials grant (RFC 6749 section 4.4): a bearer token fetched from {@code tokenUrl}
     * with HTTP Basic client authentication, cached by {@link OutboundHttp} until shortly before it expires.
     *
     * @param scope space-separated scopes to ask for, or null
     */
    record ClientCredentials(URI tokenUrl, String clientId, Secret clientSecret, String scope) implements HttpAuth {

        public ClientCredentials {
            Objects.requireNonNull(tokenUrl, "the OAuth 2.0 token URL");
            Objects.requireNonNull(clientSecret, "the OAuth 2.0 client secret");
            HttpSettings.requireHttpUrl(tokenUrl, "tokenUrl");
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("the OAuth 2.0 client id must not be blank");
            }
            scope = scope == null || scope.isBlank() ? null : scope.strip();
        }

        /** Adds nothing: {@link OutboundHttp} adds the token it fetched. */
        @Override
        public void apply(Map<String, String> headers, byte[] body) {
            // the token comes from OAuth2TokenSource
        }
    }

    /** HMAC-SHA256 of the raw body with a shared key, in a named header. */
    record BodyHmac(String header, Secret key, Encoding encoding) implements HttpAuth {

        /** How the MAC is written into the header. */
        public enum Encoding {
            /** lower-case hex */
            HEX,
            /** {@code sha256=<hex>}, as GitHub-style webhooks sign */
            PREFIXED_HEX,
            /** Base64 of the lower-case hex text, as DigiLocker's issuer API signs */
            BASE64_OF_HEX
        }

        public BodyHmac {
            HttpSettings.requireHeaderName(header, "the HMAC header");
            Objects.requireNonNull(key, "HMAC key");
            Objects.requireNonNull(encoding, "HMAC encoding");
        }

        public String sign(byte[] body) {
            String hex = Hmacs.hmacSha256Hex(key, body);
            return switch (encoding) {
                case HEX -> hex;
                case PREFIXED_HEX -> "sha256=" + hex;
                case BASE64_OF_HEX -> Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
            };
        }

        /** Whether {@code received} is the signature of {@code body}, compared in constant time. */
        public boolean verify(byte[] body, String received) {
            return Hmacs.constantTimeEquals(sign(body), received == null ? null : received.trim());
        }

        @Override
        public void apply(Map<String, String> headers, byte[] body) {
            headers.put(header, sign(body));
        }
    }
}

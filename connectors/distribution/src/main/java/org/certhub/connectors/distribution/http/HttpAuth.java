package org.certhub.connectors.distribution.http;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * How a channel authenticates to the system it delivers to. Implementations add their header to a request
 * whose final body they are shown (HMAC schemes sign it). Every variant hides its secret in {@code toString}.
 */
public sealed interface HttpAuth {

    /** Adds the authentication header(s) for a request carrying {@code body}. */
    void apply(HttpRequest.Builder request, byte[] body);

    /** The kinds configuration names with {@code auth.type} ({@code none}, {@code basic}, ... {@code digilocker-hmac}). */
    enum Type {
        NONE,
        BASIC,
        BEARER,
        API_KEY,
        /** lower-case hex HMAC-SHA256 of the body */
        HMAC,
        /** Base64 of the hex HMAC-SHA256 of the body, as DigiLocker signs */
        DIGILOCKER_HMAC
    }

    /**
     * Builds the variant a flat configuration describes (what {@code certhub.channels.<name>.auth.*} holds).
     *
     * @param username for {@code BASIC}
     * @param secret   the password, token, API key or HMAC key (ignored for {@code NONE})
     * @param header   the header carrying the API key or HMAC; when null: {@code X-API-Key},
     *                 {@code X-Signature}, {@code x-digilocker-hmac}
     */
    static HttpAuth of(Type type, String username, String secret, String header) {
        return switch (Objects.requireNonNull(type, "auth type")) {
            case NONE -> new None();
            case BASIC -> new Basic(username, Secret.of(secret));
            case BEARER -> new Bearer(Secret.of(secret));
            case API_KEY -> new ApiKey(header == null ? "X-API-Key" : header, Secret.of(secret));
            case HMAC ->
                new BodyHmac(header == null ? "X-Signature" : header, Secret.of(secret), BodyHmac.Encoding.HEX);
            case DIGILOCKER_HMAC ->
                new BodyHmac(
                        header == null ? "x-digilocker-hmac" : header,
                        Secret.of(secret),
                        BodyHmac.Encoding.BASE64_OF_HEX);
        };
    }

    /** No authentication (a gateway on a private network, or one authenticated by mutual TLS). */
    record None() implements HttpAuth {
        @Override
        public void apply(HttpRequest.Builder request, byte[] body) {
            // nothing to add
        }
    }

    /** RFC 7617 Basic authentication. */
    record Basic(String username, Secret password) implements HttpAuth {
        public Basic {
            HeaderValues.requireHeaderValue(username, "basic auth username");
            if (username.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a basic auth username must not contain ':'");
            }
            Objects.requireNonNull(password, "basic auth password");
        }

        @Override
        public void apply(HttpRequest.Builder request, byte[] body) {
            String pair = username + ":" + password.value();
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** RFC 6750 bearer token. */
    record Bearer(Secret token) implements HttpAuth {
        public Bearer {
            Objects.requireNonNull(token, "bearer token");
            HeaderValues.requireHeaderValue(token.value(), "bearer token");
        }

        @Override
        public void apply(HttpRequest.Builder request, byte[] body) {
            request.header("Authorization", "Bearer " + token.value());
        }
    }

    /** A static key in a named header ({@code X-API-Key: ...}). */
    record ApiKey(String headerName, Secret key) implements HttpAuth {
        public ApiKey {
            HeaderValues.requireHeaderName(headerName, "API key header");
            Objects.requireNonNull(key, "API key");
            HeaderValues.requireHeaderValue(key.value(), "API key");
        }

        @Override
        public void apply(HttpRequest.Builder request, byte[] body) {
            request.header(headerName, key.value());
        }
    }

    /** HMAC-SHA256 of the raw body with a shared key, in a named header. */
    record BodyHmac(String headerName, Secret key, Encoding encoding) implements HttpAuth {

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
            HeaderValues.requireHeaderName(headerName, "HMAC header");
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
        public void apply(HttpRequest.Builder request, byte[] body) {
            request.header(headerName, sign(body));
        }
    }

    /** Parses {@code none|basic|bearer|api-key|hmac|digilocker-hmac} as written in configuration. */
    static Type type(String name) {
        return Type.valueOf(name.trim().replace('-', '_').toUpperCase(Locale.ROOT));
    }
}

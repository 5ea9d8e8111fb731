package org.certhub.connectors.http;

import java.net.URI;
import java.util.Objects;

/** How an adapter authenticates to the remote system. Secrets never appear in {@link #toString()}. */
public sealed interface HttpAuth permits HttpAuth.None, HttpAuth.ApiKey, HttpAuth.ClientCredentials {

    /** No authentication (a system reached over a private network or mutual TLS). */
    record None() implements HttpAuth {}

    /** A static key sent in a header on every request, e.g. {@code X-API-Key}. */
    record ApiKey(String header, String key) implements HttpAuth {

        public ApiKey {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(key, "key");
            HttpSettings.requireHeaderName(header, "the API key header");
            if (key.isBlank() || key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("the API key is blank or holds control characters");
            }
        }

        @Override
        public String toString() {
            return "ApiKey[header=" + header + ", key=***]";
        }
    }

    /**
     * OAuth 2.0 client credentials grant (RFC 6749 section 4.4): a bearer token fetched from {@code tokenUrl}
     * with HTTP Basic client authentication, cached until shortly before it expires.
     *
     * @param scope space-separated scopes to ask for, or null
     */
    record ClientCredentials(URI tokenUrl, String clientId, String clientSecret, String scope) implements HttpAuth {

        public ClientCredentials {
            Objects.requireNonNull(tokenUrl, "tokenUrl");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            HttpSettings.requireHttpUrl(tokenUrl, "tokenUrl");
            if (clientId.isBlank() || clientSecret.isBlank()) {
                throw new IllegalArgumentException("clientId and clientSecret must not be blank");
            }
            scope = scope == null || scope.isBlank() ? null : scope.strip();
        }

        @Override
        public String toString() {
            return "ClientCredentials[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=***, scope="
                    + scope + "]";
        }
    }
}

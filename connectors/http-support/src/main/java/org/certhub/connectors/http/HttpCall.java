package org.certhub.connectors.http;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One request an {@link OutboundHttp} sends to its endpoint.
 *
 * @param method      GET, POST, PUT or DELETE
 * @param query       an encoded query appended to the URL's own, or null
 * @param body        the body, or null for none
 * @param contentType the body's media type, or null
 * @param headers     further headers (e.g. {@code Accept}, {@code Idempotency-Key})
 */
public record HttpCall(String method, String query, byte[] body, String contentType, Map<String, String> headers) {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    public HttpCall {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method must be one of " + METHODS + ": " + method);
        }
        headers = Map.copyOf(Objects.requireNonNullElse(headers, Map.of()));
    }

    /** A GET with {@code query} (or null) and {@code headers}. */
    public static HttpCall get(String query, Map<String, String> headers) {
        return new HttpCall("GET", query, null, null, headers);
    }
}

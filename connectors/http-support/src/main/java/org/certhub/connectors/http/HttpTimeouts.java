package org.certhub.connectors.http;

import java.time.Duration;

/**
 * Time limits of a channel's HTTP calls; a call that exceeds them fails as transient.
 *
 * @param connect how long to wait for a connection (default 5 s)
 * @param request how long to wait for the whole answer (default 15 s)
 */
public record HttpTimeouts(Duration connect, Duration request) {

    private static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_REQUEST = Duration.ofSeconds(15);

    public static final HttpTimeouts DEFAULT = new HttpTimeouts(DEFAULT_CONNECT, DEFAULT_REQUEST);

    public HttpTimeouts {
        connect = positive(connect == null ? DEFAULT_CONNECT : connect, "connect timeout");
        request = positive(request == null ? DEFAULT_REQUEST : request, "request timeout");
    }

    private static Duration positive(Duration value, String what) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return value;
    }
}

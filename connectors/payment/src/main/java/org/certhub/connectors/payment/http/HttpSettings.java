package org.certhub.connectors.payment.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how to reach a remote JSON API.
 *
 * @param url            the endpoint (http or https, absolute)
 * @param auth           how to authenticate
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer to one request
 */
public record HttpSettings(URI url, HttpAuth auth, Duration connectTimeout, Duration requestTimeout) {

    public HttpSettings {
        Objects.requireNonNull(url, "url");
        requireHttpUrl(url, "url");
        auth = auth == null ? new HttpAuth.None() : auth;
        connectTimeout = requirePositive(connectTimeout, "connectTimeout");
        requestTimeout = requirePositive(requestTimeout, "requestTimeout");
    }

    /**
     * Validates a setting that lists HTTP statuses of a given meaning, which must all be 4xx.
     *
     * @return an unmodifiable copy of {@code statuses}, or {@code defaults} when none are given
     */
    public static Set<Integer> clientErrorStatuses(Set<Integer> statuses, Set<Integer> defaults, String setting) {
        Set<Integer> chosen = statuses == null ? defaults : Set.copyOf(statuses);
        for (int status : chosen) {
            if (status < 400 || status > 499) {
                throw new IllegalArgumentException(setting + " must be 4xx statuses: " + status);
            }
        }
        return chosen;
    }

    static void requireHttpUrl(URI url, String what) {
        String scheme = url.getScheme();
        if (!url.isAbsolute() || url.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL: " + url);
        }
        if (url.getUserInfo() != null) {
            throw new IllegalArgumentException(what + " must not carry credentials; configure auth instead");
        }
    }

    private static Duration requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }
}

package org.certhub.connectors.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and how to reach a remote JSON API.
 *
 * @param url            the endpoint: an absolute http(s) URL, which is also the Camel {@code http}/{@code https}
 *                       endpoint URI, so it may carry camel-http options ({@code proxyHost}, ...); see
 *                       {@link OutboundHttp}
 * @param auth           how to authenticate
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer to one request
 */
public record HttpSettings(URI url, HttpAuth auth, Duration connectTimeout, Duration requestTimeout) {

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers the client sets itself (and the JDK refuses), or that carry the adapter's own data. */
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "connection", "content-length", "expect", "host", "upgrade", "authorization", "content-type", "accept");

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

    /**
     * Checks a configured header name: an RFC 9110 token, not one the client sets itself.
     *
     * @return {@code name}
     */
    public static String requireHeaderName(String name, String setting) {
        if (name == null || !HEADER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(setting + " is not a valid HTTP header name: " + name);
        }
        if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(setting + " must not be " + name + ", which the client sets itself");
        }
        return name;
    }

    /** A header value without control characters (no CR/LF header injection), not empty. */
    public static String requireHeaderValue(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new IllegalArgumentException(what + " must not contain control characters");
            }
        }
        return value;
    }

    /** The time limits as one value. */
    public HttpTimeouts timeouts() {
        return new HttpTimeouts(connectTimeout, requestTimeout);
    }

    /** {@code url}, else {@link IllegalArgumentException} naming {@code what}: absolute http(s), no user info. */
    public static URI requireHttpUrl(URI url, String what) {
        Objects.requireNonNull(url, what);
        String scheme = url.getScheme();
        if (!url.isAbsolute()
                || url.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL: " + url);
        }
        if (url.getUserInfo() != null) {
            throw new IllegalArgumentException(what + " must not carry credentials; configure auth instead");
        }
        return url;
    }

    private static Duration requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }
}

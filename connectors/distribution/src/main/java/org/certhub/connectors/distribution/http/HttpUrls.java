package org.certhub.connectors.distribution.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** The one check for a URL a channel calls or hands out: absolute, http or https, with a host. */
public final class HttpUrls {

    private HttpUrls() {}

    public static boolean isHttpUrl(URI url) {
        if (url == null || url.getHost() == null) {
            return false;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** {@code url}, else {@link IllegalArgumentException} naming {@code what}. */
    public static URI requireHttpUrl(URI url, String what) {
        Objects.requireNonNull(url, what);
        if (!isHttpUrl(url)) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL");
        }
        return url;
    }
}

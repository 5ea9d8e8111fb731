package org.certhub.routes.signing;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.certhub.routes.config.CerthubProperties;
import org.springframework.stereotype.Component;

/**
 * Who the hub signs as, derived from its public base URL: a {@code did:web} for W3C credentials (resolved at
 * {@code /.well-known/did.json}) and the URL itself as the SMART Health Card {@code iss}.
 */
@Component
public class IssuerIdentity {

    private final String baseUrl;
    private final String did;

    public IssuerIdentity(CerthubProperties properties) {
        this.baseUrl = stripTrailingSlash(properties.baseUrl());
        this.did = didWeb(URI.create(baseUrl));
    }

    public String did() {
        return did;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The namespace of certificate ids: the URL under which each certificate is found. */
    public String certificateIdSystem() {
        return baseUrl + "/api/v1/certificates";
    }

    /** did:web per the method spec: host (port percent-encoded), then path segments joined by colons. */
    static String didWeb(URI base) {
        String host = base.getHost()
                + (base.getPort() > 0 ? URLEncoder.encode(":" + base.getPort(), StandardCharsets.UTF_8) : "");
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("^/+|/+$", "");
        return "did:web:" + host + (path.isEmpty() ? "" : ":" + path.replace("/", ":"));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

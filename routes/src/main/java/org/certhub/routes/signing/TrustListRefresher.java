package org.certhub.routes.signing;

import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.certhub.routes.config.TrustListProperties;
import org.certhub.signer.trust.TrustListDownloads;
import org.springframework.stereotype.Component;

/**
 * Hands a fetched trust list to the downloads under its source URL, bound to its issuer; answers how many keys it
 * holds. A body over {@code certhub.trust.max-bytes} is refused after reading one byte more than that, never whole.
 */
@Component
public class TrustListRefresher {

    static final String SOURCE = "trustList";
    static final String FORMAT = "trustListFormat";
    static final String ISSUER = "trustListIssuer";

    private final TrustListDownloads downloads;
    private final long maxBytes;

    public TrustListRefresher(TrustListDownloads downloads, TrustListProperties trust) {
        this.downloads = downloads;
        this.maxBytes = trust.maxBytes();
    }

    public int refresh(
            @ExchangeProperty(SOURCE) String source,
            @ExchangeProperty(FORMAT) TrustListDownloads.Format format,
            @ExchangeProperty(ISSUER) String issuer,
            @Body InputStream body)
            throws IOException {
        byte[] list;
        try (InputStream in = body) {
            list = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
        }
        if (list.length > maxBytes) {
            throw new IllegalArgumentException("the list is larger than certhub.trust.max-bytes (" + maxBytes + ")");
        }
        return downloads.accept(source, format, issuer, list);
    }
}

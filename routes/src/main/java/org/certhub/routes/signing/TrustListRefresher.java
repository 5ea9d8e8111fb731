package org.certhub.routes.signing;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.certhub.signer.trust.TrustListDownloads;
import org.springframework.stereotype.Component;

/** Hands a fetched trust list to the downloads under its source URL; answers how many keys it holds. */
@Component
public class TrustListRefresher {

    static final String SOURCE = "trustList";
    static final String FORMAT = "trustListFormat";

    private final TrustListDownloads downloads;

    public TrustListRefresher(TrustListDownloads downloads) {
        this.downloads = downloads;
    }

    public int refresh(
            @ExchangeProperty(SOURCE) String source,
            @ExchangeProperty(FORMAT) TrustListDownloads.Format format,
            @Body byte[] body) {
        return downloads.accept(source, format, body);
    }
}

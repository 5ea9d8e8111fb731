package org.certhub.routes.signing;

import org.certhub.routes.config.CerthubProperties;
import org.springframework.stereotype.Component;

/** Where a citizen fetches a certificate's PDF: a link carrying a citizen link token that opens that one only. */
@Component
public class DownloadLinks {

    private final String baseUrl;
    private final CitizenTokens tokens;

    public DownloadLinks(CerthubProperties properties, CitizenTokens tokens) {
        this.baseUrl = properties.baseUrl();
        this.tokens = tokens;
    }

    /** The PDF link of a certificate, with a signed, expiring link token. */
    public String pdf(String certificateId) {
        return withToken(certificateId, tokens.link(certificateId));
    }

    /** The PDF link as sent through one channel: an SMS link may need the SMS's short code as well. */
    public String pdf(String certificateId, String channel) {
        return withToken(certificateId, tokens.linkFor(certificateId, channel));
    }

    private String withToken(String certificateId, String token) {
        return baseUrl + "/api/v1/certificates/" + certificateId + "/certificate.pdf?token=" + token;
    }
}

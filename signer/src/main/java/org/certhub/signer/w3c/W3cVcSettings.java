package org.certhub.signer.w3c;

import java.net.URI;
import java.time.Period;
import java.util.Objects;

/**
 * How this hub writes its W3C Verifiable Credentials.
 *
 * @param issuer             the issuer id: a DID ({@code did:web:certs.example.org}) or an https URL; the proof's
 *                           verification method is {@code issuer + "#" + kid}
 * @param certificateBaseUrl the base the evidence id is built on: {@code certificateBaseUrl + certificateId}
 * @param infoUrl            where holders read about the certificate (DIVOC's {@code infoUrl}), or null
 * @param feedbackUrl        where holders give feedback (DIVOC's {@code feedbackUrl}), or null
 * @param contextUrl         the URL of the vaccination JSON-LD context (bundled, served locally), the namespace
 *                           of the credential's own terms
 * @param effectivePeriod    how long after the vaccination date it is written as effective
 *                           ({@code effectiveUntil}); null leaves {@code effectiveUntil} out
 */
public record W3cVcSettings(
        String issuer,
        String certificateBaseUrl,
        String infoUrl,
        String feedbackUrl,
        String contextUrl,
        Period effectivePeriod) {

    /** The vaccination context URL when none is configured. */
    public static final String DEFAULT_CONTEXT_URL = "https://w3id.org/certhub/credentials/vaccination/v1";

    public W3cVcSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(certificateBaseUrl, "certificateBaseUrl");
        contextUrl = contextUrl == null || contextUrl.isBlank() ? DEFAULT_CONTEXT_URL : contextUrl;
        requireAbsolute("issuer", issuer);
        requireAbsolute("certificateBaseUrl", certificateBaseUrl);
        requireAbsolute("contextUrl", contextUrl);
        if (infoUrl != null) {
            requireAbsolute("infoUrl", infoUrl);
        }
        if (feedbackUrl != null) {
            requireAbsolute("feedbackUrl", feedbackUrl);
        }
        if (issuer.contains("#")) {
            throw new IllegalArgumentException("the issuer id must not contain '#': " + issuer);
        }
    }

    private static void requireAbsolute(String name, String value) {
        boolean absolute;
        try {
            absolute = URI.create(value).isAbsolute();
        } catch (IllegalArgumentException e) {
            absolute = false;
        }
        if (!absolute) {
            throw new IllegalArgumentException(name + " must be an absolute URI: " + value);
        }
    }
}

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
 * @param contextUrl         the URL of the vaccination JSON-LD context: the hub serves the bundled document there
 *                           ({@code baseUrl + }{@link #CONTEXT_PATH}), and the credentials name it
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

    /** Where below its base URL the hub serves the vaccination context. */
    public static final String CONTEXT_PATH = "/credentials/vaccination/v1";
    /** Where below its base URL the hub serves its Bitstring Status List credentials ({@code <path><n>}). */
    public static final String STATUS_LIST_PATH = "/credentials/status/";

    public W3cVcSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(certificateBaseUrl, "certificateBaseUrl");
        Objects.requireNonNull(contextUrl, "contextUrl");
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

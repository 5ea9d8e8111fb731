package org.certhub.connectors.distribution.digilocker;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * certhub as a DigiLocker issuer: its issuer id and document type, which make up the document URIs
 * {@code <issuerId>-<docType>-<certificateId>} that lockers store and later pull.
 *
 * @param issuerId the issuer id DigiLocker assigned (e.g. {@code in.gov.example})
 * @param docType  the document type code (e.g. {@code VACER}), upper-case letters and digits
 */
public record DigiLockerIssuer(String issuerId, String docType) {

    private static final Pattern ISSUER_ID = Pattern.compile("[A-Za-z0-9.]{1,64}");
    private static final Pattern DOC_TYPE = Pattern.compile("[A-Z0-9]{1,16}");
    private static final Pattern CERTIFICATE_ID = Pattern.compile("[A-Za-z0-9._:~-]{1,128}");

    public DigiLockerIssuer {
        if (issuerId == null || !ISSUER_ID.matcher(issuerId).matches()) {
            throw new IllegalArgumentException("issuerId must be letters, digits and dots");
        }
        if (docType == null || !DOC_TYPE.matcher(docType).matches()) {
            throw new IllegalArgumentException("docType must be upper-case letters and digits");
        }
    }

    /** The document URI of a certificate. */
    public String uri(String certificateId) {
        if (!CERTIFICATE_ID.matcher(certificateId).matches()) {
            throw new IllegalArgumentException("the certificate id cannot be part of a DigiLocker URI");
        }
        return prefix() + certificateId;
    }

    /** The certificate id a URI of this issuer and type names; empty for any other URI. */
    public Optional<String> certificateId(String uri) {
        if (uri == null || !uri.startsWith(prefix())) {
            return Optional.empty();
        }
        String id = uri.substring(prefix().length());
        return CERTIFICATE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private String prefix() {
        return issuerId + "-" + docType + "-";
    }
}

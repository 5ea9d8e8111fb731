package org.certhub.signer;

import java.util.Map;

/**
 * The answer to "is this credential genuine?", in the shape {@code POST /api/v1/verify} returns.
 *
 * @param valid         true only if it decoded, the signature verified with a trusted key and it is in date
 * @param format        which format it was read as ({@code w3c-vc}, {@code eu-dcc}, {@code shc}, {@code divoc})
 * @param reason        a stable code when invalid ({@link Reasons}), null when valid
 * @param issuer        who signed it, when known
 * @param subject       the decoded subject (name, birth date, vaccination), when it decoded
 * @param certificateId the certificate id inside the credential, when it decoded (for the revocation check)
 * @param keyId         the id of the key that signed it, when known
 */
public record VerificationResult(
        boolean valid,
        String format,
        String reason,
        String issuer,
        Map<String, Object> subject,
        String certificateId,
        String keyId) {

    public VerificationResult {
        subject = subject == null ? Map.of() : Map.copyOf(subject);
    }

    public static VerificationResult invalid(String format, String reason) {
        return new VerificationResult(false, format, reason, null, Map.of(), null, null);
    }

    /** The same decoded credential, now judged invalid (e.g. revoked after the signature checked out). */
    public VerificationResult rejectedFor(String newReason) {
        return new VerificationResult(false, format, newReason, issuer, subject, certificateId, keyId);
    }

    /** Reason codes: part of the HTTP API, so never renamed. */
    public static final class Reasons {
        public static final String MALFORMED = "malformed";
        public static final String UNKNOWN_FORMAT = "unknown-format";
        public static final String BAD_SIGNATURE = "bad-signature";
        public static final String UNKNOWN_KEY = "unknown-key";
        public static final String EXPIRED = "expired";
        public static final String NOT_YET_VALID = "not-yet-valid";
        public static final String REVOKED = "revoked";
        public static final String KEY_USAGE = "key-usage";
        /** The credential names a status list that could not be read, did not verify or is not its issuer's. */
        public static final String STATUS_UNAVAILABLE = "status-unavailable";

        private Reasons() {}
    }
}

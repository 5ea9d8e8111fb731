package org.certhub.signer;

import java.util.Optional;
import org.certhub.model.Certificate;

/**
 * One kind of signed credential (W3C VC, EU DCC, SMART Health Card). A programme lists the formats it
 * issues by {@link #id()}; each certificate is signed once per format.
 */
public interface CredentialFormat {

    /** Stable id used in configuration, URLs ({@code ?format=}) and verification answers. */
    String id();

    /**
     * Signs the certificate with the format's active key.
     *
     * @throws UnsupportedRecordException when the format cannot carry the record ({@link #unsupported})
     */
    SignedCredential sign(Certificate certificate);

    /**
     * Why this format cannot carry the certificate's record, or empty when it can: checked before signing, and at
     * intake with a provisional certificate, so that a record no configured format can carry is refused unstored.
     */
    default Optional<UnsupportedRecordException> unsupported(Certificate certificate) {
        return Optional.empty();
    }
}

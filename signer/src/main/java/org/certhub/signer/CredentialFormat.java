package org.certhub.signer;

import org.certhub.model.Certificate;

/**
 * One kind of signed credential (W3C VC, EU DCC, SMART Health Card). A programme lists the formats it
 * issues by {@link #id()}; each certificate is signed once per format.
 */
public interface CredentialFormat {

    /** Stable id used in configuration, URLs ({@code ?format=}) and verification answers. */
    String id();

    /** Signs the certificate with the format's active key. */
    SignedCredential sign(Certificate certificate);
}

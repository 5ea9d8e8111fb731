package org.certhub.signer;

/** Whether a certificate id has been revoked (or superseded by a correction) by its issuer. */
@FunctionalInterface
public interface RevocationCheck {

    /** Never revokes: for a verifier without a certificate store. */
    RevocationCheck NONE = certificateId -> false;

    boolean isRevoked(String certificateId);
}

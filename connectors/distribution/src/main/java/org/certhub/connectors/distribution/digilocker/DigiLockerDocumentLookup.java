package org.certhub.connectors.distribution.digilocker;

import java.util.Optional;

/**
 * Finds issued certificates for DigiLocker's pull requests; the hub implements it against its database.
 * Both return the current (not revoked or superseded) certificate only.
 */
public interface DigiLockerDocumentLookup {

    /** The certificate a citizen's {@code tracking_id} names (the pre-enrolment code or certificate id). */
    Optional<DigiLockerDocument> byTrackingId(String trackingId);

    /** The certificate with this id. */
    Optional<DigiLockerDocument> byCertificateId(String certificateId);
}

package org.certhub.model;

/** A certificate version's standing: only {@code ISSUED} verifies as valid. */
public enum CertificateStatus {
    ISSUED,
    SUPERSEDED,
    REVOKED
}

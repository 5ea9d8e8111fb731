package org.certhub.connectors.distribution.digilocker;

/**
 * DigiLocker's {@code PullURIRequest}: a citizen asks for the document a {@code tracking_id} names; the
 * mobile number must match the certificate's. Personal fields are echoed back only, never logged.
 */
public record PullUriRequest(
        String ver,
        String ts,
        String txn,
        String orgId,
        DocFormat format,
        String docType,
        String digiLockerId,
        String uid,
        String fullName,
        String dob,
        String trackingId,
        String mobile) {

    @Override
    public String toString() {
        return "PullUriRequest[txn=" + txn + ", docType=" + docType + ", format=" + format + "]";
    }
}

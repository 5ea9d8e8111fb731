package org.certhub.connectors.distribution.digilocker;

/** DigiLocker's {@code PullDocRequest}: fetches the document behind a URI it got from a pull URI answer. */
public record PullDocRequest(
        String ver,
        String ts,
        String txn,
        String orgId,
        DocFormat format,
        String uri,
        String digiLockerId,
        String uid,
        String fullName,
        String dob) {

    @Override
    public String toString() {
        return "PullDocRequest[txn=" + txn + ", format=" + format + "]";
    }
}

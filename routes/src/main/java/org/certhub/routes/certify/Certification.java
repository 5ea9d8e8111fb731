package org.certhub.routes.certify;

import java.util.List;
import java.util.Objects;
import org.certhub.model.Certificate;
import org.certhub.routes.signing.FormatPlan;
import org.certhub.routes.store.StoredEvent;
import org.certhub.signer.SignedCredential;

/**
 * One event on its way through the certify steps: what each step found so far, and whether the flow goes on. A
 * step that settles the event (held, failed, or found already certified) stops it; the later steps pass it on
 * untouched.
 *
 * @param event         the event as read at the start, at its current revision
 * @param stopped       true once a step settled the event
 * @param certificateId the certificate to announce as issued, once there is one
 * @param idCheck       the identity check that passed and is to be recorded with the certificate, if one ran
 * @param certificate   the certificate signed, before it is stored
 * @param plan          the formats signed and skipped
 * @param credentials   the signed credentials
 */
public record Certification(
        StoredEvent event,
        boolean stopped,
        String certificateId,
        IdCheck idCheck,
        Certificate certificate,
        FormatPlan plan,
        List<SignedCredential> credentials) {

    /** Which check settled the identity ({@code rest}, {@code otp}, ...) and the ID system's reference. */
    public record IdCheck(String verifier, String reference) {}

    public Certification {
        Objects.requireNonNull(event, "event");
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }

    /** An event the steps still have to certify. */
    public static Certification open(StoredEvent event) {
        return new Certification(event, false, null, null, null, null, null);
    }

    public String eventId() {
        return event.id();
    }

    /** Whether the next step has work to do. */
    public boolean isOpen() {
        return !stopped;
    }

    /** Whether a certificate was signed and waits to be stored. */
    public boolean isSigned() {
        return !stopped && certificate != null;
    }

    /** Whether a certificate is to be announced as issued. */
    public boolean announces() {
        return certificateId != null;
    }

    /** The event was held or failed: nothing is issued, nothing announced. */
    public Certification stop() {
        return new Certification(event, true, null, idCheck, certificate, plan, credentials);
    }

    /** The event's current revision is certified as {@code issuedCertificateId}: announce it. */
    public Certification issued(String issuedCertificateId) {
        return new Certification(
                event, true, Objects.requireNonNull(issuedCertificateId), idCheck, certificate, plan, credentials);
    }

    public Certification withIdCheck(IdCheck check) {
        return new Certification(event, stopped, certificateId, check, certificate, plan, credentials);
    }

    public Certification signed(Certificate signed, FormatPlan formats, List<SignedCredential> signedCredentials) {
        return new Certification(event, stopped, certificateId, idCheck, signed, formats, signedCredentials);
    }
}

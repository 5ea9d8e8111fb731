package org.certhub.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The certificate data set for one dose, as signed: the event's content under a certificate id.
 *
 * @param id                    the certificate id printed on the document and carried in every credential
 * @param version               1 for the first issue, incremented by each correction
 * @param previousCertificateId the certificate this one corrects, if any
 */
public record Certificate(
        String id,
        int version,
        String previousCertificateId,
        String eventId,
        VaccinationEvent event,
        Instant issuedAt) {

    public Certificate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public Recipient recipient() {
        return event.recipient();
    }

    public Vaccination vaccination() {
        return event.vaccination();
    }
}

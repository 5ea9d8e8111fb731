package org.certhub.model;

import java.util.Objects;

/**
 * One vaccination as received from a source system, before certification.
 *
 * @param sourceSystem   which sending system it came from (an API client id, a Kafka topic, a FHIR server)
 * @param sourceRecordId the sender's stable identifier of the record (FHIR {@code Immunization.identifier},
 *                       or the resource id); together with {@code sourceSystem} it is the idempotency key
 * @param sourceVersion  the sender's version of the record ({@code meta.versionId}), when given
 * @param programmeId    the vaccination programme the dose belongs to (selects schedule and formats)
 */
public record VaccinationEvent(
        String sourceSystem,
        String sourceRecordId,
        String sourceVersion,
        String programmeId,
        Recipient recipient,
        Vaccination vaccination,
        Facility facility,
        Practitioner practitioner) {

    public VaccinationEvent {
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceRecordId, "sourceRecordId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(vaccination, "vaccination");
    }

    /** The key under which a replayed or re-sent record is recognised as the same vaccination. */
    public String idempotencyKey() {
        return sourceSystem + "|" + sourceRecordId;
    }
}

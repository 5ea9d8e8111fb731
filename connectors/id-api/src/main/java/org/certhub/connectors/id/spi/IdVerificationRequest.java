package org.certhub.connectors.id.spi;

import java.util.Objects;
import org.certhub.model.Recipient;

/**
 * The recipient of one event to check.
 *
 * @param eventId     the hub's event id: the key under which a retried check is recognised
 * @param programmeId the programme the dose belongs to (adapters may be configured per programme)
 */
public record IdVerificationRequest(String eventId, String programmeId, Recipient recipient) {

    public IdVerificationRequest {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(recipient, "recipient");
        if (eventId.isBlank()) {
            throw new IllegalArgumentException("eventId is blank");
        }
    }

    @Override
    public String toString() {
        return "IdVerificationRequest[eventId=" + eventId + ", programmeId=" + programmeId + "]";
    }
}

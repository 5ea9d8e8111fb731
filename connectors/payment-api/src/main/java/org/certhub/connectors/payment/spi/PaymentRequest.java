package org.certhub.connectors.payment.spi;

import java.util.Objects;

/**
 * One event to decide funding for. It carries no personal data: payers are told the event, programme and facility.
 *
 * @param eventId       the hub's event id, sent as the idempotency key so that a retry never claims twice
 * @param programmeId   the vaccination programme
 * @param facilityId    the administering facility
 * @param fundingSource who pays (from the record or the facility's configuration)
 * @param amount        the price of the dose, when one applies (null for none)
 */
public record PaymentRequest(
        String eventId, String programmeId, String facilityId, FundingSource fundingSource, Amount amount) {

    private static final int MAX_EVENT_ID = 255;

    public PaymentRequest {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(fundingSource, "fundingSource");
        if (eventId.isBlank()
                || eventId.length() > MAX_EVENT_ID
                || !eventId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("eventId must be 1 to " + MAX_EVENT_ID + " visible ASCII characters");
        }
    }
}

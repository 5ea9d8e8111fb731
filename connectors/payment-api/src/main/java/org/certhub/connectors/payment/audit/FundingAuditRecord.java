package org.certhub.connectors.payment.audit;

import java.time.Instant;
import java.util.Objects;
import org.certhub.connectors.payment.spi.FundingDecision;
import org.certhub.connectors.payment.spi.PaymentRequest;

/** One funding decision for the audit trail and reporting. Holds no personal data. */
public record FundingAuditRecord(PaymentRequest request, FundingDecision decision, Instant decidedAt) {

    public FundingAuditRecord {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}

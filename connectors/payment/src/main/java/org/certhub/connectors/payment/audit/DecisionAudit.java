package org.certhub.connectors.payment.audit;

import java.time.Clock;
import java.util.Objects;
import org.certhub.connectors.payment.spi.FundingDecision;
import org.certhub.connectors.payment.spi.PaymentRequest;
import org.certhub.connectors.payment.spi.PaymentUnavailableException;

/** Records each decision a gateway returns; a decision that cannot be recorded is not returned. */
public final class DecisionAudit {

    private final AuditSink sink;
    private final Clock clock;

    public DecisionAudit(AuditSink sink, Clock clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return {@code decision}, once recorded
     * @throws PaymentUnavailableException when the sink failed: the check is retried, and is idempotent
     */
    public FundingDecision record(PaymentRequest request, FundingDecision decision) {
        try {
            sink.record(new FundingAuditRecord(request, decision, clock.instant()));
        } catch (RuntimeException e) {
            throw new PaymentUnavailableException("the funding decision could not be recorded", e);
        }
        return decision;
    }
}

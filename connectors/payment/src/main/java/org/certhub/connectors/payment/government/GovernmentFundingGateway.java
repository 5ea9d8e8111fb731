package org.certhub.connectors.payment.government;

import java.time.Clock;
import java.util.Objects;
import org.certhub.connectors.payment.audit.AuditSink;
import org.certhub.connectors.payment.audit.DecisionAudit;
import org.certhub.connectors.payment.spi.FundingDecision;
import org.certhub.connectors.payment.spi.PaymentGateway;
import org.certhub.connectors.payment.spi.PaymentRequest;

/**
 * Government-funded programmes ({@code certhub.connectors.payment.provider=government}): no charge, every event
 * is {@link FundingDecision.Outcome#FUNDED}, and each decision is recorded for audit and reporting.
 */
public final class GovernmentFundingGateway implements PaymentGateway {

    public static final String NAME = "government";

    private final DecisionAudit audit;

    public GovernmentFundingGateway(AuditSink audit) {
        this(audit, Clock.systemUTC());
    }

    public GovernmentFundingGateway(AuditSink audit, Clock clock) {
        this.audit = new DecisionAudit(audit, clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FundingDecision check(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        return audit.record(request, new FundingDecision(FundingDecision.Outcome.FUNDED, NAME, null, "no charge"));
    }
}

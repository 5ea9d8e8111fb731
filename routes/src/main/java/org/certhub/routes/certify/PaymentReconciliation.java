package org.certhub.routes.certify;

import java.util.List;
import org.apache.camel.Body;
import org.certhub.connectors.payment.spi.FundingDecision;
import org.certhub.connectors.payment.spi.PaymentGateway;
import org.certhub.connectors.payment.spi.PaymentRequest;
import org.certhub.connectors.payment.spi.PaymentUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the payer again about pending payments. Every answer is recorded (the gateway writes the audit); an event
 * held until paid is queued for certification once its payment is settled and permits issue. Certificates issued
 * while the payment was pending (issue and reconcile) stay issued: the audit trail shows how each was settled.
 */
@Component
public class PaymentReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciliation.class);
    private static final int BATCH = 200;

    private final JdbcFundingAudit audit;
    private final PaymentGateway gateway;
    private final EventReviews reviews;

    public PaymentReconciliation(JdbcFundingAudit audit, PaymentGateway gateway, EventReviews reviews) {
        this.audit = audit;
        this.gateway = gateway;
        this.reviews = reviews;
    }

    public List<PaymentRequest> due() {
        return audit.pending(BATCH);
    }

    /** Reconciles one payment; answers the event id to queue again, or null. */
    public String reconcile(@Body PaymentRequest request) {
        FundingDecision decision;
        try {
            decision = gateway.reconcile(request);
        } catch (PaymentUnavailableException outage) {
            LOG.warn("payment reconciliation of event {} deferred: payer unavailable", request.eventId());
            return null;
        }
        if (decision.permitsIssue(true) && reviews.releasePaymentHold(request.eventId())) {
            LOG.info("event {} released: payment {}", request.eventId(), decision.outcome());
            return request.eventId();
        }
        return null;
    }
}

package org.certhub.connectors.payment.spi;

/**
 * Decides whether a vaccination's certificate is funded: by the government, or by a payer whose API is asked.
 * Exactly one adapter runs, chosen by {@code certhub.connectors.payment.provider}; the hub's certify route
 * calls {@link #check} with retries and back-off around it.
 */
public interface PaymentGateway {

    /** Stable adapter name, the value of {@code certhub.connectors.payment.provider} that selects it. */
    String name();

    /**
     * Checks payment or files the reimbursement claim for one event. Calling it again for the same
     * {@code request.eventId()} (a retry, a crash) never claims twice: the event id is the idempotency key.
     *
     * @throws PaymentUnavailableException when a retry may succeed (timeouts, 5xx, connection refused)
     * @throws PaymentRejectedException    when no retry can succeed (a 4xx, an answer the rules cannot read)
     */
    FundingDecision check(PaymentRequest request);

    /**
     * Asks again about an event whose decision was {@link FundingDecision.Outcome#PENDING}, for the hub's
     * reconciliation run. The default repeats {@link #check}, which is safe because it is idempotent.
     */
    default FundingDecision reconcile(PaymentRequest request) {
        return check(request);
    }
}

package org.certhub.connectors.payment.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.certhub.connectors.payment.audit.AuditSink;
import org.certhub.connectors.payment.audit.InMemoryAuditSink;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentGateway} adapter must do. A test class per adapter extends this and points
 * {@link #gateway(AuditSink)} at an adapter whose payer funds or has been paid for {@link #REQUEST}.
 */
public abstract class PaymentGatewayContract {

    public static final PaymentRequest REQUEST = new PaymentRequest(
            "event-42",
            "covid-19",
            "facility-7",
            FundingSource.EMPLOYER,
            new Amount(new BigDecimal("12.50"), Currency.getInstance("EUR")));

    /** The adapter under test recording to {@code audit}, its payer prepared to fund {@link #REQUEST}. */
    protected abstract PaymentGateway gateway(AuditSink audit);

    @Test
    void hasAStableLowerCaseName() {
        PaymentGateway gateway = gateway(new InMemoryAuditSink(10));
        assertThat(gateway.name()).matches("[a-z][a-z0-9-]*").isEqualTo(gateway.name());
    }

    @Test
    void refusesANullRequest() {
        assertThatThrownBy(() -> gateway(new InMemoryAuditSink(10)).check(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void fundsTheRequestNamesItselfAndRecordsTheDecision() {
        InMemoryAuditSink audit = new InMemoryAuditSink(10);
        PaymentGateway gateway = gateway(audit);

        FundingDecision decision = gateway.check(REQUEST);

        assertThat(decision.gateway()).isEqualTo(gateway.name());
        assertThat(decision.outcome()).isIn(FundingDecision.Outcome.FUNDED, FundingDecision.Outcome.PAID);
        assertThat(decision.permitsIssue(true)).isTrue();
        assertThat(audit.find(REQUEST.eventId())).hasValueSatisfying(record -> {
            assertThat(record.decision()).isEqualTo(decision);
            assertThat(record.request()).isEqualTo(REQUEST);
        });
    }

    @Test
    void aRetryGivesTheSameAnswerAndOneAuditRecord() {
        InMemoryAuditSink audit = new InMemoryAuditSink(10);
        PaymentGateway gateway = gateway(audit);

        FundingDecision first = gateway.check(REQUEST);
        FundingDecision again = gateway.check(REQUEST);
        FundingDecision reconciled = gateway.reconcile(REQUEST);

        assertThat(again.outcome()).isEqualTo(first.outcome());
        assertThat(reconciled.outcome()).isEqualTo(first.outcome());
        assertThat(audit.records()).hasSize(1);
    }

    @Test
    void aDecisionThatCannotBeRecordedIsTransient() {
        PaymentGateway gateway = gateway(record -> {
            throw new IllegalStateException("audit database down");
        });

        assertThatThrownBy(() -> gateway.check(REQUEST)).isInstanceOf(PaymentUnavailableException.class);
    }
}

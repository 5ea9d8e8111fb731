package org.certhub.connectors.payment.government;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.certhub.connectors.payment.audit.AuditSink;
import org.certhub.connectors.payment.audit.InMemoryAuditSink;
import org.certhub.connectors.payment.spi.FundingDecision;
import org.certhub.connectors.payment.spi.FundingSource;
import org.certhub.connectors.payment.spi.PaymentGateway;
import org.certhub.connectors.payment.spi.PaymentGatewayContract;
import org.certhub.connectors.payment.spi.PaymentRequest;
import org.junit.jupiter.api.Test;

class GovernmentFundingGatewayTest extends PaymentGatewayContract {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Override
    protected PaymentGateway gateway(AuditSink audit) {
        return new GovernmentFundingGateway(audit, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void fundsWithoutChargeAndRecordsWhenAndForWhom() {
        InMemoryAuditSink audit = new InMemoryAuditSink(10);
        PaymentRequest free = new PaymentRequest("event-1", "measles", "facility-1", FundingSource.GOVERNMENT, null);

        FundingDecision decision = gateway(audit).check(free);

        assertThat(decision.outcome()).isEqualTo(FundingDecision.Outcome.FUNDED);
        assertThat(decision.gateway()).isEqualTo("government");
        assertThat(audit.find("event-1")).hasValueSatisfying(record -> {
            assertThat(record.decidedAt()).isEqualTo(NOW);
            assertThat(record.request().programmeId()).isEqualTo("measles");
            assertThat(record.request().facilityId()).isEqualTo("facility-1");
        });
    }
}

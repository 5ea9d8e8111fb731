package org.certhub.connectors.payment.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.certhub.connectors.payment.spi.FundingDecision.Outcome;
import org.junit.jupiter.api.Test;

class FundingTypesTest {

    private static FundingDecision decision(Outcome outcome) {
        return new FundingDecision(outcome, "test", null, null);
    }

    @Test
    void aPendingPaymentBlocksOnlyWhenTheProgrammeSaysSo() {
        assertThat(decision(Outcome.FUNDED).permitsIssue(true)).isTrue();
        assertThat(decision(Outcome.PAID).permitsIssue(true)).isTrue();
        assertThat(decision(Outcome.PENDING).permitsIssue(false)).isTrue();
        assertThat(decision(Outcome.PENDING).permitsIssue(true)).isFalse();
        assertThat(decision(Outcome.DECLINED).permitsIssue(false)).isFalse();
        assertThat(decision(Outcome.PENDING).isSettled()).isFalse();
        assertThat(decision(Outcome.DECLINED).isSettled()).isTrue();
    }

    @Test
    void readsFhirFundingSourceCodes() {
        assertThat(FundingSource.fromFhirCode("public")).contains(FundingSource.GOVERNMENT);
        assertThat(FundingSource.fromFhirCode(" Employer ")).contains(FundingSource.EMPLOYER);
        assertThat(FundingSource.fromFhirCode("insurer")).contains(FundingSource.INSURER);
        assertThat(FundingSource.fromFhirCode("private")).isEmpty();
        assertThat(FundingSource.fromFhirCode(null)).isEmpty();
    }

    @Test
    void refusesEventIdsThatCannotBeAnIdempotencyKeyAndNegativeAmounts() {
        assertThatThrownBy(() -> new PaymentRequest("event\r\nX-Injected: 1", "p", "f", FundingSource.GOVERNMENT, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentRequest(" ", "p", "f", FundingSource.GOVERNMENT, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Amount(new BigDecimal("-1"), Currency.getInstance("INR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Amount(new BigDecimal("250.00"), Currency.getInstance("INR")))
                .hasToString("250.00 INR");
    }
}

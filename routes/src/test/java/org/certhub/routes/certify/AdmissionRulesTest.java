package org.certhub.routes.certify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.certhub.connectors.id.spi.IdVerification;
import org.certhub.connectors.payment.spi.FundingDecision;
import org.junit.jupiter.api.Test;

class AdmissionRulesTest {

    @Test
    void aMismatchHoldsTheEventNamingTheFieldsOnly() {
        IdVerification mismatch = IdVerification.mismatch(
                "rest", Set.of(IdVerification.Field.NAME, IdVerification.Field.BIRTH_DATE), "ref-1");

        assertThat(AdmissionRules.identityHold(mismatch)).hasValue("identity check: mismatch in [name, birth_date]");
        assertThat(AdmissionRules.identityHold(IdVerification.challengeSent("otp", "ch-1")))
                .hasValue("identity check: one-time code sent, challenge ch-1");
        assertThat(AdmissionRules.identityHold(IdVerification.notRequired("none")))
                .isEmpty();
    }

    @Test
    void aDeclinedPaymentFailsAndAPendingOneHoldsOnlyWhereTheProgrammeWaitsForPayment() {
        FundingDecision declined = new FundingDecision(FundingDecision.Outcome.DECLINED, "rest", "p-1", null);
        FundingDecision pending = new FundingDecision(FundingDecision.Outcome.PENDING, "rest", "p-2", null);

        assertThat(AdmissionRules.funding(declined, false)).isEqualTo(AdmissionRules.Funding.FAIL);
        assertThat(AdmissionRules.funding(pending, true)).isEqualTo(AdmissionRules.Funding.HOLD);
        assertThat(AdmissionRules.funding(pending, false)).isEqualTo(AdmissionRules.Funding.ISSUE);
    }
}

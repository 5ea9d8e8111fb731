package org.certhub.routes.certify;

import java.util.Locale;
import java.util.Optional;
import org.certhub.connectors.id.spi.IdVerification;
import org.certhub.connectors.payment.spi.FundingDecision;

/** Whether an ID system's and a payer's answers let a certificate be issued now, and what the event says if not. */
public final class AdmissionRules {

    /** What the funding decision means for the event. */
    public enum Funding {
        /** issue now (funded, paid, or pending in a programme that issues and reconciles) */
        ISSUE,
        /** hold until the payment is settled ({@link EventReviews#PAYMENT_PENDING}) */
        HOLD,
        /** the payer declined: the event fails */
        FAIL
    }

    private AdmissionRules() {}

    /** Why the identity check holds the event (no personal data), or empty when it permits certification. */
    public static Optional<String> identityHold(IdVerification identity) {
        if (identity.permitsCertification()) {
            return Optional.empty();
        }
        return Optional.of(
                switch (identity.outcome()) {
                    case MISMATCH ->
                        "identity check: mismatch in "
                                + identity.mismatches().stream()
                                        .sorted()
                                        .map(field -> field.name().toLowerCase(Locale.ROOT))
                                        .toList();
                    case CHALLENGE_SENT -> "identity check: one-time code sent, challenge " + identity.challengeId();
                    default -> "identity check: " + identity.outcome().name().toLowerCase(Locale.ROOT);
                });
    }

    public static Funding funding(FundingDecision decision, boolean blocksUntilPaid) {
        if (decision.outcome() == FundingDecision.Outcome.DECLINED) {
            return Funding.FAIL;
        }
        return decision.permitsIssue(blocksUntilPaid) ? Funding.ISSUE : Funding.HOLD;
    }
}

package org.certhub.connectors.payment.spi;

import java.util.Objects;

/**
 * The answer of a {@link PaymentGateway}.
 *
 * @param gateway   the adapter that answered ({@link PaymentGateway#name()})
 * @param reference the payer's reference for the claim or payment, when it gives one
 * @param detail    the payer's own status word, for the audit trail (no personal data)
 */
public record FundingDecision(Outcome outcome, String gateway, String reference, String detail) {

    public enum Outcome {
        /** Covered by a funder (the government, an employer's or insurer's scheme); nothing to collect. */
        FUNDED,
        /** Paid. */
        PAID,
        /** Not decided yet: the programme either issues and reconciles later, or blocks until paid. */
        PENDING,
        /** Refused by the payer: no certificate until an administrator acts. */
        DECLINED
    }

    public FundingDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(gateway, "gateway");
    }

    /**
     * Whether the certificate may be issued now.
     *
     * @param blockUntilPaid the programme's setting: wait for a pending payment instead of issuing and reconciling
     */
    public boolean permitsIssue(boolean blockUntilPaid) {
        return switch (outcome) {
            case FUNDED, PAID -> true;
            case PENDING -> !blockUntilPaid;
            case DECLINED -> false;
        };
    }

    /** Whether this is final (anything but {@link Outcome#PENDING}). */
    public boolean isSettled() {
        return outcome != Outcome.PENDING;
    }
}

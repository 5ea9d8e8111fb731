package org.certhub.connectors.id.otp;

import org.certhub.connectors.id.spi.IdVerification.ChallengeFailure;

/** What {@link OtpService#verify} found. */
public enum OtpResult {
    VERIFIED(null),
    WRONG_CODE(ChallengeFailure.WRONG_CODE),
    EXPIRED(ChallengeFailure.EXPIRED),
    TOO_MANY_ATTEMPTS(ChallengeFailure.TOO_MANY_ATTEMPTS),
    UNKNOWN_CHALLENGE(ChallengeFailure.UNKNOWN_CHALLENGE);

    private final ChallengeFailure failure;

    OtpResult(ChallengeFailure failure) {
        this.failure = failure;
    }

    /** The SPI's name for this refusal, null for {@link #VERIFIED}. */
    public ChallengeFailure failure() {
        return failure;
    }
}

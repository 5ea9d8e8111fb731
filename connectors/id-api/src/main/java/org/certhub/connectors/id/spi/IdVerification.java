package org.certhub.connectors.id.spi;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The answer of an {@link IdVerifier}.
 *
 * @param verifier         the adapter that answered ({@link IdVerifier#name()}), recorded on the event
 * @param demographics     what the ID system holds, when it said {@code VERIFIED} and returned them
 * @param mismatches       the fields that did not match, non-empty exactly when the outcome is {@code MISMATCH}
 * @param challengeId      the open challenge, for {@code CHALLENGE_SENT} and {@code CHALLENGE_FAILED}
 * @param challengeFailure why a challenge answer was refused, exactly when the outcome is {@code CHALLENGE_FAILED}
 * @param reference        the ID system's own reference for the check (a transaction id), when it gives one
 */
public record IdVerification(
        Outcome outcome,
        String verifier,
        VerifiedDemographics demographics,
        Set<Field> mismatches,
        String challengeId,
        ChallengeFailure challengeFailure,
        String reference) {

    public enum Outcome {
        /** The ID system confirmed the identity (and the demographics matched the configured rules). */
        VERIFIED,
        /** The identity or demographics did not match: the hub holds the event for review. */
        MISMATCH,
        /** The programme certifies without an ID check; recorded as such on the event. */
        NOT_REQUIRED,
        /** A one-time code went to the citizen; the event waits for {@link IdVerifier#confirm}. */
        CHALLENGE_SENT,
        /** The citizen's answer to a challenge was refused (see {@link ChallengeFailure}). */
        CHALLENGE_FAILED
    }

    /** Which part of the recipient's data did not match. */
    public enum Field {
        IDENTIFIER,
        NAME,
        BIRTH_DATE,
        CONTACT
    }

    /** Why a challenge answer was refused. */
    public enum ChallengeFailure {
        /** Wrong code; the citizen may try again while attempts remain. */
        WRONG_CODE,
        /** The code expired; a new one must be requested. */
        EXPIRED,
        /** Too many wrong codes; the challenge is closed. */
        TOO_MANY_ATTEMPTS,
        /** No open challenge has this id (never issued, or already used). */
        UNKNOWN_CHALLENGE
    }

    public IdVerification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verifier, "verifier");
        mismatches = mismatches == null || mismatches.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(mismatches));
        if ((outcome == Outcome.MISMATCH) == mismatches.isEmpty()) {
            throw new IllegalArgumentException("mismatched fields are given exactly for a MISMATCH");
        }
        if ((outcome == Outcome.CHALLENGE_FAILED) != (challengeFailure != null)) {
            throw new IllegalArgumentException("a challenge failure is given exactly for CHALLENGE_FAILED");
        }
        if ((outcome == Outcome.CHALLENGE_SENT || outcome == Outcome.CHALLENGE_FAILED) && challengeId == null) {
            throw new IllegalArgumentException(outcome + " needs the challenge id");
        }
        if (demographics != null && outcome != Outcome.VERIFIED) {
            throw new IllegalArgumentException("demographics are given only for VERIFIED");
        }
    }

    public static IdVerification verified(String verifier, VerifiedDemographics demographics, String reference) {
        return new IdVerification(Outcome.VERIFIED, verifier, demographics, Set.of(), null, null, reference);
    }

    public static IdVerification mismatch(String verifier, Set<Field> fields, String reference) {
        return new IdVerification(Outcome.MISMATCH, verifier, null, fields, null, null, reference);
    }

    public static IdVerification notRequired(String verifier) {
        return new IdVerification(Outcome.NOT_REQUIRED, verifier, null, Set.of(), null, null, null);
    }

    public static IdVerification challengeSent(String verifier, String challengeId) {
        return new IdVerification(Outcome.CHALLENGE_SENT, verifier, null, Set.of(), challengeId, null, null);
    }

    public static IdVerification challengeFailed(String verifier, String challengeId, ChallengeFailure failure) {
        return new IdVerification(Outcome.CHALLENGE_FAILED, verifier, null, Set.of(), challengeId, failure, null);
    }

    /** Whether certification may go ahead on this answer. */
    public boolean permitsCertification() {
        return outcome == Outcome.VERIFIED || outcome == Outcome.NOT_REQUIRED;
    }
}

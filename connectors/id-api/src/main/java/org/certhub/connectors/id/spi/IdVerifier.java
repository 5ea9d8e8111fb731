package org.certhub.connectors.id.spi;

/**
 * An identity check against a national ID system, done before an event is certified. Exactly one adapter
 * runs, chosen by {@code certhub.connectors.id.provider}; the hub's certify route calls {@link #verify} with
 * retries and back-off around it, so an implementation only speaks its system's protocol and says whether a
 * failure is worth retrying.
 */
public interface IdVerifier {

    /** Stable adapter name, the value of {@code certhub.connectors.id.provider} that selects it. */
    String name();

    /**
     * Checks the recipient of one event. Must be safe to call again for the same {@code request.eventId()}
     * (after a crash or a retry).
     *
     * @return {@link IdVerification.Outcome#VERIFIED}, {@link IdVerification.Outcome#MISMATCH} (the hub holds
     *         the event for review), {@link IdVerification.Outcome#NOT_REQUIRED}, or
     *         {@link IdVerification.Outcome#CHALLENGE_SENT} when the citizen must first confirm a code
     * @throws IdSystemUnavailableException     when a retry may succeed (timeouts, 5xx, connection refused)
     * @throws IdVerificationRejectedException  when no retry can succeed (the ID system refuses the request)
     */
    IdVerification verify(IdVerificationRequest request);

    /**
     * Completes a challenge that {@link #verify} answered with {@link IdVerification.Outcome#CHALLENGE_SENT}:
     * the citizen's answer (a one-time code) for that challenge.
     *
     * @return {@link IdVerification.Outcome#VERIFIED} or {@link IdVerification.Outcome#CHALLENGE_FAILED}
     * @throws UnsupportedOperationException when this adapter never issues challenges
     */
    default IdVerification confirm(String challengeId, String response) {
        throw new UnsupportedOperationException("the " + name() + " ID verifier issues no challenges");
    }
}

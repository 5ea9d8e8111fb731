package org.certhub.connectors.id.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.certhub.connectors.id.spi.IdVerification.ChallengeFailure;
import org.certhub.connectors.id.spi.IdVerification.Outcome;
import org.certhub.model.ContactPoint;
import org.certhub.model.Gender;
import org.certhub.model.Identifier;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdVerifier} adapter must do. A test class per adapter extends this and points
 * {@link #verifier()} at an adapter whose outside system accepts {@link #ACCEPTED}.
 */
public abstract class IdVerifierContract {

    public static final String NATIONAL_ID = "1234-5678-9012";
    public static final String ID_SYSTEM = "did:in.gov.uidai.aadhaar";
    public static final String PHONE = "+919876543210";

    public static final Recipient RECIPIENT = new Recipient(
            new PersonName(List.of("José"), "Ña-Ruiz", null),
            new PartialDate("1964-08-12"),
            Gender.MALE,
            List.of(new Identifier(Identifier.IdentifierType.NATIONAL_ID, ID_SYSTEM, NATIONAL_ID)),
            List.of(new ContactPoint(ContactPoint.Channel.PHONE, PHONE)),
            null,
            "IN");

    public static final IdVerificationRequest ACCEPTED = new IdVerificationRequest("event-1", "covid-19", RECIPIENT);

    /** The adapter under test, its outside system prepared to accept {@link #ACCEPTED}. */
    protected abstract IdVerifier verifier();

    /** The citizen's correct answer to a challenge the adapter issued (adapters that never challenge: unused). */
    protected String answerTo(String challengeId) {
        throw new UnsupportedOperationException("this adapter issued a challenge but its test gives no answer");
    }

    @Test
    void hasAStableLowerCaseName() {
        IdVerifier verifier = verifier();
        assertThat(verifier.name()).matches("[a-z][a-z0-9-]*").isEqualTo(verifier.name());
    }

    @Test
    void refusesANullRequest() {
        assertThatThrownBy(() -> verifier().verify(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void letsAnAcceptedRecipientThroughAndNamesItself() {
        IdVerifier verifier = verifier();
        IdVerification verification = settle(verifier, verifier.verify(ACCEPTED));

        assertThat(verification.verifier()).isEqualTo(verifier.name());
        assertThat(verification.permitsCertification()).isTrue();
        assertThat(verification.mismatches()).isEmpty();
    }

    @Test
    void answersARetryOfTheSameEventAlike() {
        IdVerifier verifier = verifier();
        IdVerification first = verifier.verify(ACCEPTED);
        IdVerification again = verifier.verify(ACCEPTED);

        assertThat(again.outcome()).isEqualTo(first.outcome());
        assertThat(again.challengeId()).isEqualTo(first.challengeId());
    }

    @Test
    void closesAChallengeOnceAnswered() {
        IdVerifier verifier = verifier();
        IdVerification first = verifier.verify(ACCEPTED);
        if (first.outcome() != Outcome.CHALLENGE_SENT) {
            assertThatThrownBy(() -> verifier.confirm("no-such-challenge", "000000"))
                    .isInstanceOf(UnsupportedOperationException.class);
            return;
        }
        String answer = answerTo(first.challengeId());
        assertThat(verifier.confirm(first.challengeId(), answer).outcome()).isEqualTo(Outcome.VERIFIED);
        IdVerification reused = verifier.confirm(first.challengeId(), answer);
        assertThat(reused.outcome()).isEqualTo(Outcome.CHALLENGE_FAILED);
        assertThat(reused.challengeFailure()).isEqualTo(ChallengeFailure.UNKNOWN_CHALLENGE);
    }

    @Test
    void answersARecipientWithNothingToCheckWithoutThrowing() {
        Recipient bare = new Recipient(new PersonName(List.of(), null, "Unknown"), null, null, null, null, null, null);
        IdVerification verification = verifier().verify(new IdVerificationRequest("event-bare", "covid-19", bare));

        assertThat(verification.outcome()).isIn(Outcome.MISMATCH, Outcome.NOT_REQUIRED);
    }

    @Test
    void showsNoPersonalDataInWhatItReturns() {
        IdVerifier verifier = verifier();
        IdVerification verification = settle(verifier, verifier.verify(ACCEPTED));

        assertThat(verification.toString() + ACCEPTED)
                .doesNotContain(NATIONAL_ID, PHONE, "José", "Ña-Ruiz", "Jose", "1964-08-12");
    }

    private IdVerification settle(IdVerifier verifier, IdVerification verification) {
        if (verification.outcome() != Outcome.CHALLENGE_SENT) {
            return verification;
        }
        return verifier.confirm(verification.challengeId(), answerTo(verification.challengeId()));
    }
}

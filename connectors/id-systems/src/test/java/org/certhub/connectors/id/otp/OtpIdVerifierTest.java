package org.certhub.connectors.id.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.certhub.connectors.id.MutableClock;
import org.certhub.connectors.id.spi.IdVerification;
import org.certhub.connectors.id.spi.IdVerification.ChallengeFailure;
import org.certhub.connectors.id.spi.IdVerification.Field;
import org.certhub.connectors.id.spi.IdVerification.Outcome;
import org.certhub.connectors.id.spi.IdVerificationRequest;
import org.certhub.connectors.id.spi.IdVerifier;
import org.certhub.connectors.id.spi.IdVerifierContract;
import org.certhub.model.ContactPoint;
import org.certhub.model.Recipient;
import org.junit.jupiter.api.Test;

class OtpIdVerifierTest extends IdVerifierContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final RecordingOtpSender sender = new RecordingOtpSender();
    private final OtpIdVerifier verifier = new OtpIdVerifier(
            new OtpService(
                    OtpSettings.defaults("a-test-secret-of-at-least-32-bytes!!"),
                    new InMemoryOtpStore(),
                    sender,
                    clock),
            ContactPoint.Channel.PHONE);

    @Override
    protected IdVerifier verifier() {
        return verifier;
    }

    @Override
    protected String answerTo(String challengeId) {
        return sender.lastCodeFor(challengeId);
    }

    @Test
    void sendsTheCodeToTheRecipientsPhoneAndWaitsForIt() {
        IdVerification sent = verifier.verify(ACCEPTED);

        assertThat(sent.outcome()).isEqualTo(Outcome.CHALLENGE_SENT);
        assertThat(sent.permitsCertification()).isFalse();
        assertThat(sender.sent).singleElement().satisfies(message -> {
            assertThat(message.address()).isEqualTo(PHONE);
            assertThat(message.channel()).isEqualTo(ContactPoint.Channel.PHONE);
        });
    }

    @Test
    void reportsWrongAndExpiredCodes() {
        IdVerification sent = verifier.verify(ACCEPTED);
        String code = answerTo(sent.challengeId());
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThat(verifier.confirm(sent.challengeId(), wrong).challengeFailure())
                .isEqualTo(ChallengeFailure.WRONG_CODE);
        clock.advance(Duration.ofMinutes(6));
        assertThat(verifier.confirm(sent.challengeId(), code).challengeFailure())
                .isEqualTo(ChallengeFailure.EXPIRED);
    }

    @Test
    void aLockedChallengeStaysLockedWhenTheEventIsCheckedAgain() {
        IdVerification sent = verifier.verify(ACCEPTED);
        String wrong = answerTo(sent.challengeId()).equals("000000") ? "111111" : "000000";
        for (int attempt = 0; attempt < 5; attempt++) {
            verifier.confirm(sent.challengeId(), wrong);
        }

        IdVerification again = verifier.verify(ACCEPTED);

        assertThat(again.outcome()).isEqualTo(Outcome.CHALLENGE_FAILED);
        assertThat(again.challengeFailure()).isEqualTo(ChallengeFailure.TOO_MANY_ATTEMPTS);
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void aRecipientWithoutAPhoneIsAContactMismatch() {
        Recipient emailOnly = new Recipient(
                RECIPIENT.name(),
                RECIPIENT.birthDate(),
                null,
                null,
                List.of(new ContactPoint(ContactPoint.Channel.EMAIL, "someone@example.org")),
                null,
                null);

        IdVerification verification = verifier.verify(new IdVerificationRequest("event-9", "covid-19", emailOnly));

        assertThat(verification.mismatches()).containsExactly(Field.CONTACT);
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void resendsOnRequestWithinTheLimits() {
        IdVerification sent = verifier.verify(ACCEPTED);

        assertThat(verifier.resend(sent.challengeId())).isEqualTo(ResendResult.TOO_SOON);
        clock.advance(Duration.ofSeconds(61));
        assertThat(verifier.resend(sent.challengeId())).isEqualTo(ResendResult.SENT);
        assertThat(verifier.confirm(sent.challengeId(), answerTo(sent.challengeId()))
                        .outcome())
                .isEqualTo(Outcome.VERIFIED);
    }
}

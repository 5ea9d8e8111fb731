package org.certhub.connectors.id.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.certhub.connectors.id.MutableClock;
import org.certhub.connectors.id.spi.IdSystemUnavailableException;
import org.certhub.model.ContactPoint.Channel;
import org.junit.jupiter.api.Test;

class OtpServiceTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";
    private static final String PHONE = "+919876543210";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryOtpStore store = new InMemoryOtpStore();
    private final RecordingOtpSender sender = new RecordingOtpSender();
    private final OtpService otp = new OtpService(OtpSettings.defaults(SECRET), store, sender, clock);

    @Test
    void sendsASixDigitCodeAndKeepsOnlyItsHmac() {
        OtpChallenge challenge = otp.issue("event-1", Channel.PHONE, PHONE);

        OtpMessage message = sender.sent.get(0);
        assertThat(message.code()).matches("\\d{6}");
        assertThat(message.address()).isEqualTo(PHONE);
        assertThat(message.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(challenge.id()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(challenge.codeHash()).doesNotContain(message.code()).hasSize(44);
        assertThat(challenge.toString() + message).doesNotContain(message.code(), PHONE, challenge.codeHash());
    }

    @Test
    void acceptsTheRightCodeOnce() {
        OtpChallenge challenge = otp.issue("event-1", Channel.PHONE, PHONE);
        String code = sender.lastCodeFor(challenge.id());

        assertThat(otp.verify(challenge.id(), code)).isEqualTo(OtpResult.VERIFIED);
        assertThat(otp.verify(challenge.id(), code)).isEqualTo(OtpResult.UNKNOWN_CHALLENGE);
    }

    @Test
    void closesTheChallengeAfterTooManyWrongCodesEvenForTheRightOne() {
        OtpChallenge challenge = otp.issue("event-1", Channel.PHONE, PHONE);
        String right = sender.lastCodeFor(challenge.id());
        String wrong = right.equals("000000") ? "111111" : "000000";

        for (int attempt = 1; attempt < 5; attempt++) {
            assertThat(otp.verify(challenge.id(), wrong)).isEqualTo(OtpResult.WRONG_CODE);
        }
        assertThat(otp.verify(challenge.id(), "not a code")).isEqualTo(OtpResult.TOO_MANY_ATTEMPTS);
        assertThat(otp.verify(challenge.id(), right)).isEqualTo(OtpResult.TOO_MANY_ATTEMPTS);
        assertThat(otp.issue("event-1", Channel.PHONE, PHONE).id()).isEqualTo(challenge.id());
        assertThat(otp.resend(challenge.id())).isEqualTo(ResendResult.LIMIT_REACHED);
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void countsEveryConcurrentWrongAttempt() throws Exception {
        OtpChallenge challenge = otp.issue("event-1", Channel.PHONE, PHONE);
        String wrong = sender.lastCodeFor(challenge.id()).equals("000000") ? "111111" : "000000";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<OtpResult>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                attempts.add(() -> otp.verify(challenge.id(), wrong));
            }
            List<OtpResult> results = new ArrayList<>();
            for (Future<OtpResult> result : pool.invokeAll(attempts)) {
                results.add(result.get());
            }
            assertThat(results).filteredOn(r -> r == OtpResult.WRONG_CODE).hasSize(4);
            assertThat(results)
                    .filteredOn(r -> r == OtpResult.TOO_MANY_ATTEMPTS)
                    .hasSize(36);
            assertThat(store.find(challenge.id()).orElseThrow().failedAttempts())
                    .isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void racingRequestsForOneEventShareOneChallengeAndOneCode() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<OtpChallenge>> requests = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                requests.add(() -> otp.issue("event-1", Channel.PHONE, PHONE));
            }
            List<String> ids = new ArrayList<>();
            for (Future<OtpChallenge> challenge : pool.invokeAll(requests)) {
                ids.add(challenge.get().id());
            }
            assertThat(ids).hasSize(16).containsOnly(ids.get(0));
            assertThat(sender.sent)
                    .singleElement()
                    .satisfies(m -> assertThat(m.challengeId()).isEqualTo(ids.get(0)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAnExpiredCodeAndIssuesAFreshChallengeAfterwards() {
        OtpChallenge challenge = otp.issue("event-1", Channel.PHONE, PHONE);
        String code = sender.lastCodeFor(challenge.id());
        clock.advance(Duration.ofMinutes(5));

        assertThat(otp.verify(challenge.id(), code)).isEqualTo(OtpResult.EXPIRED);
        assertThat(otp.resend(challenge.id())).isEqualTo(ResendResult.UNKNOWN_CHALLENGE);
        OtpChallenge fresh = otp.issue("event-1", Channel.PHONE, PHONE);
        assertThat(fresh.id()).isNotEqualTo(challenge.id());
        assertThat(store.find(challenge.id())).isEmpty();
        assertThat(sender.sent).hasSize(2);
    }

    @Test
    void issuingAgainForAnOpenChallengeSendsNothing() {
        OtpChallenge first = otp.issue("event-1", Channel.PHONE, PHONE);
        clock.advance(Duration.ofMinutes(2));

        assertThat(otp.issue("event-1", Channel.PHONE, PHONE)).isEqualTo(first);
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void throttlesResendsAndInvalidatesTheEarlierCode() {
        OtpChallenge challenge = otp.issue("event-1", Channel.PHONE, PHONE);
        String firstCode = sender.lastCodeFor(challenge.id());

        assertThat(otp.resend(challenge.id())).isEqualTo(ResendResult.TOO_SOON);
        clock.advance(Duration.ofMinutes(1));
        assertThat(otp.resend(challenge.id())).isEqualTo(ResendResult.SENT);
        String secondCode = sender.lastCodeFor(challenge.id());
        clock.advance(Duration.ofMinutes(1));
        assertThat(otp.resend(challenge.id())).isEqualTo(ResendResult.SENT);
        clock.advance(Duration.ofMinutes(1));
        assertThat(otp.resend(challenge.id())).isEqualTo(ResendResult.LIMIT_REACHED);
        assertThat(sender.sent).hasSize(3);

        String lastCode = sender.lastCodeFor(challenge.id());
        if (!firstCode.equals(lastCode)) {
            assertThat(otp.verify(challenge.id(), firstCode)).isEqualTo(OtpResult.WRONG_CODE);
        }
        if (!secondCode.equals(lastCode)) {
            assertThat(otp.verify(challenge.id(), secondCode)).isEqualTo(OtpResult.WRONG_CODE);
        }
        assertThat(otp.verify(challenge.id(), lastCode)).isEqualTo(OtpResult.VERIFIED);
    }

    @Test
    void keepsNoChallengeWhenTheCodeCouldNotBeSent() {
        OtpService failing = new OtpService(
                OtpSettings.defaults(SECRET),
                store,
                message -> {
                    throw new IdSystemUnavailableException("SMS gateway down");
                },
                clock);

        assertThatThrownBy(() -> failing.issue("event-1", Channel.PHONE, PHONE))
                .isInstanceOf(IdSystemUnavailableException.class);
        assertThat(store.findByKey("event-1")).isEmpty();
    }

    @Test
    void validatesItsSettingsAndHidesTheSecret() {
        assertThatThrownBy(() -> OtpSettings.defaults("too-short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OtpSettings(Duration.ZERO, 5, Duration.ofMinutes(1), 3, SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OtpSettings(Duration.ofMinutes(5), 0, Duration.ofMinutes(1), 3, SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OtpSettings.defaults(SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void purgesExpiredChallenges() {
        otp.issue("event-1", Channel.PHONE, PHONE);
        clock.advance(Duration.ofMinutes(3));
        otp.issue("event-2", Channel.EMAIL, "someone@example.org");
        clock.advance(Duration.ofMinutes(3));

        assertThat(store.purgeExpired(clock.instant())).isEqualTo(1);
        assertThat(store.findByKey("event-1")).isEmpty();
        assertThat(store.findByKey("event-2")).isPresent();
    }
}

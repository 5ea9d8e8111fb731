package org.certhub.connectors.id.otp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.certhub.model.ContactPoint;

/**
 * Issues and checks six-digit one-time codes. Codes come from {@link SecureRandom} and are stored only as an
 * HMAC-SHA256 (keyed with {@link OtpSettings#hmacSecret()}) of the challenge id and code; each challenge
 * accepts a code until it expires, closes after {@link OtpSettings#maxAttempts()} wrong codes, and is used once.
 */
public final class OtpService {

    public static final int DIGITS = 6;
    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");
    private static final String HMAC = "HmacSHA256";

    private final OtpSettings settings;
    private final OtpStore store;
    private final OtpSender sender;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public OtpService(OtpSettings settings, OtpStore store, OtpSender sender, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.key = new SecretKeySpec(settings.hmacSecret().getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /**
     * The open challenge for {@code key}, or a new one whose code is sent to {@code address}. Asking again for
     * the same key while its challenge is open sends nothing (citizens ask for another code with {@link #resend}),
     * also when two requests for one key race. When the sender fails, no challenge is kept.
     */
    public OtpChallenge issue(String key, ContactPoint.Channel channel, String address) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        while (true) {
            Instant now = clock.instant();
            Optional<OtpChallenge> open = store.findByKey(key).filter(challenge -> !challenge.isExpired(now));
            if (open.isPresent()) {
                return open.get();
            }
            String id = newChallengeId();
            String code = newCode();
            OtpChallenge challenge =
                    new OtpChallenge(id, key, channel, address, hash(id, code), now.plus(settings.ttl()), now, 1, 0);
            if (store.insertUnlessOpen(challenge, now)) {
                try {
                    sender.send(new OtpMessage(id, channel, address, code, challenge.expiresAt()));
                } catch (RuntimeException e) {
                    store.remove(challenge);
                    throw e;
                }
                return challenge;
            }
            // another request for this key stored its challenge meanwhile: return that one
        }
    }

    /** Sends a fresh code for an open challenge, within the resend interval and send limit. */
    public ResendResult resend(String challengeId) {
        Objects.requireNonNull(challengeId, "challengeId");
        while (true) {
            Instant now = clock.instant();
            Optional<OtpChallenge> found = store.find(challengeId).filter(challenge -> !challenge.isExpired(now));
            if (found.isEmpty()) {
                return ResendResult.UNKNOWN_CHALLENGE;
            }
            OtpChallenge current = found.get();
            if (current.sends() >= settings.maxSends() || current.failedAttempts() >= settings.maxAttempts()) {
                return ResendResult.LIMIT_REACHED;
            }
            if (now.isBefore(current.lastSentAt().plus(settings.resendInterval()))) {
                return ResendResult.TOO_SOON;
            }
            String code = newCode();
            OtpChallenge updated = current.withNewCode(hash(challengeId, code), now, now.plus(settings.ttl()));
            if (store.replace(current, updated)) {
                try {
                    sender.send(new OtpMessage(
                            challengeId, current.channel(), current.address(), code, updated.expiresAt()));
                } catch (RuntimeException e) {
                    store.replace(updated, current);
                    throw e;
                }
                return ResendResult.SENT;
            }
        }
    }

    /** Checks a code; a correct one closes the challenge, a wrong one counts against its attempts. */
    public OtpResult verify(String challengeId, String code) {
        Objects.requireNonNull(challengeId, "challengeId");
        while (true) {
            Instant now = clock.instant();
            Optional<OtpChallenge> found = store.find(challengeId);
            if (found.isEmpty()) {
                return OtpResult.UNKNOWN_CHALLENGE;
            }
            OtpChallenge current = found.get();
            if (current.isExpired(now)) {
                return OtpResult.EXPIRED;
            }
            if (current.failedAttempts() >= settings.maxAttempts()) {
                return OtpResult.TOO_MANY_ATTEMPTS;
            }
            if (code != null
                    && CODE.matcher(code).matches()
                    && MessageDigest.isEqual(
                            hash(challengeId, code).getBytes(StandardCharsets.US_ASCII),
                            current.codeHash().getBytes(StandardCharsets.US_ASCII))) {
                if (store.remove(current)) {
                    return OtpResult.VERIFIED;
                }
            } else if (store.replace(current, current.withFailedAttempt())) {
                return current.failedAttempts() + 1 >= settings.maxAttempts()
                        ? OtpResult.TOO_MANY_ATTEMPTS
                        : OtpResult.WRONG_CODE;
            }
            // another attempt changed the challenge meanwhile: look again
        }
    }

    /** Whether the challenge still accepts codes (not expired, not closed after too many wrong ones). */
    public boolean isOpen(OtpChallenge challenge) {
        return !challenge.isExpired(clock.instant()) && challenge.failedAttempts() < settings.maxAttempts();
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            code.append(random.nextInt(10));
        }
        return code.toString();
    }

    private String newChallengeId() {
        byte[] id = new byte[18];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private String hash(String challengeId, String code) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] digest = mac.doFinal((challengeId + ':' + code).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}

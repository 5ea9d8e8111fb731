package org.certhub.connectors.id.otp;

import java.time.Instant;
import java.util.Objects;
import org.certhub.model.ContactPoint;

/**
 * One open one-time-code challenge as stored: the code only as its HMAC. {@link #toString()} shows no address,
 * key or hash.
 *
 * @param id             random, unguessable challenge id handed to the citizen's client
 * @param key            what the challenge is for (the event id); one open challenge per key
 * @param channel        where the code goes
 * @param address        the phone number or email address it goes to
 * @param codeHash       Base64 HMAC-SHA256 of the challenge id and the code
 * @param expiresAt      when the current code stops being accepted
 * @param lastSentAt     when the current code was sent
 * @param sends          how many codes were sent for this challenge
 * @param failedAttempts how many wrong codes were entered
 */
public record OtpChallenge(
        String id,
        String key,
        ContactPoint.Channel channel,
        String address,
        String codeHash,
        Instant expiresAt,
        Instant lastSentAt,
        int sends,
        int failedAttempts) {

    public OtpChallenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastSentAt, "lastSentAt");
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    OtpChallenge withFailedAttempt() {
        return new OtpChallenge(id, key, channel, address, codeHash, expiresAt, lastSentAt, sends, failedAttempts + 1);
    }

    OtpChallenge withNewCode(String newCodeHash, Instant sentAt, Instant newExpiry) {
        return new OtpChallenge(id, key, channel, address, newCodeHash, newExpiry, sentAt, sends + 1, failedAttempts);
    }

    @Override
    public String toString() {
        return "OtpChallenge[id=" + id + ", channel=" + channel + ", expiresAt=" + expiresAt + ", sends=" + sends
                + ", failedAttempts=" + failedAttempts + "]";
    }
}

package org.certhub.connectors.id.otp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one-time codes ({@code certhub.connectors.id.otp.*}).
 *
 * @param ttl            how long a code is valid
 * @param maxAttempts    wrong codes allowed per challenge before it is closed
 * @param resendInterval least time between two sends of a challenge
 * @param maxSends       sends per challenge, the first included
 * @param hmacSecret     key of the HMAC-SHA256 under which codes are stored (at least 32 characters; every node
 *                       sharing a store needs the same one)
 */
public record OtpSettings(Duration ttl, int maxAttempts, Duration resendInterval, int maxSends, String hmacSecret) {

    public static final int MIN_SECRET_LENGTH = 32;

    public OtpSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(resendInterval, "resendInterval");
        Objects.requireNonNull(hmacSecret, "hmacSecret");
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("ttl must be positive and at most an hour: " + ttl);
        }
        if (resendInterval.isNegative() || resendInterval.isZero()) {
            throw new IllegalArgumentException("resendInterval must be positive: " + resendInterval);
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be in [1, 10]: " + maxAttempts);
        }
        if (maxSends < 1 || maxSends > 10) {
            throw new IllegalArgumentException("maxSends must be in [1, 10]: " + maxSends);
        }
        if (hmacSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("hmacSecret must be at least " + MIN_SECRET_LENGTH + " bytes");
        }
    }

    /** Five minutes, five attempts, a resend after a minute, three sends. */
    public static OtpSettings defaults(String hmacSecret) {
        return new OtpSettings(Duration.ofMinutes(5), 5, Duration.ofMinutes(1), 3, hmacSecret);
    }

    @Override
    public String toString() {
        return "OtpSettings[ttl=" + ttl + ", maxAttempts=" + maxAttempts + ", resendInterval=" + resendInterval
                + ", maxSends=" + maxSends + ", hmacSecret=***]";
    }
}

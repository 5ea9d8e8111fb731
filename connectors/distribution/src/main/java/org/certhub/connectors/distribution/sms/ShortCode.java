package org.certhub.connectors.distribution.sms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.certhub.connectors.http.Hmacs;
import org.certhub.connectors.http.Secret;

/**
 * The short numeric code an SMS carries next to the download link: HMAC-SHA256(key, certificate id) reduced
 * to {@code digits} decimal digits. It reveals nothing about the certificate, and the hub's download page can
 * ask for it (recomputing it with the same key) so that a forwarded or guessed link alone is not enough.
 */
public final class ShortCode {

    private final Secret key;
    private final int digits;
    private final long modulus;

    public ShortCode(Secret key, int digits) {
        this.key = Objects.requireNonNull(key, "code key");
        if (digits < 4 || digits > 12) {
            throw new IllegalArgumentException("a short code has 4 to 12 digits");
        }
        this.digits = digits;
        this.modulus = (long) Math.pow(10, digits);
    }

    public String of(String certificateId) {
        byte[] mac = Hmacs.hmacSha256(key, certificateId.getBytes(StandardCharsets.UTF_8));
        long value = ByteBuffer.wrap(mac, 0, Long.BYTES).getLong() & Long.MAX_VALUE;
        return String.format("%0" + digits + "d", value % modulus);
    }

    /** Whether {@code candidate} is the code of {@code certificateId}, compared in constant time. */
    public boolean matches(String certificateId, String candidate) {
        return Hmacs.constantTimeEquals(of(certificateId), candidate);
    }

    @Override
    public String toString() {
        return "ShortCode[digits=" + digits + "]";
    }
}

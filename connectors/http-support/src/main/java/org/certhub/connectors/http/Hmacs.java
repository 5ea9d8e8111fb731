package org.certhub.connectors.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 as the channels' receivers expect it: lower-case hex, compared in constant time. */
public final class Hmacs {

    private static final String ALGORITHM = "HmacSHA256";

    private Hmacs() {}

    public static byte[] hmacSha256(Secret key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.bytes(), ALGORITHM));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Lower-case hex of HMAC-SHA256(key, data). */
    public static String hmacSha256Hex(Secret key, byte[] data) {
        return HexFormat.of().formatHex(hmacSha256(key, data));
    }

    /** Constant-time comparison of two texts (a received signature against the expected one). */
    public static boolean constantTimeEquals(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
    }
}

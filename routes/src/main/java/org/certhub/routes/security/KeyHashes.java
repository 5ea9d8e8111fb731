package org.certhub.routes.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * API keys: 192 random bits, shown once, kept as SHA-256. A fast hash is enough for keys this long (no guessable
 * password behind them), and it makes the lookup by hash one index read.
 */
public final class KeyHashes {

    private KeyHashes() {}

    public static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

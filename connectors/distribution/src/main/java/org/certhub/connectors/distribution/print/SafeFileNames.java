package org.certhub.connectors.distribution.print;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * File and folder names made from ids: only letters, digits, {@code . _ -}, never starting with a dot, at
 * most 64 characters. An id that had to be changed gets a hash of the original appended, so two ids never
 * share a name ({@code a/b} and {@code a_b} stay apart).
 */
final class SafeFileNames {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX = 64;

    private SafeFileNames() {}

    static String of(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an empty id has no file name");
        }
        String safe = UNSAFE.matcher(id).replaceAll("_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        if (safe.equals(id) && safe.length() <= MAX) {
            return safe;
        }
        String base = safe.length() > MAX ? safe.substring(0, MAX) : safe;
        return base + "-" + sha256Hex(id.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}

package org.certhub.signer.hcert;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Base45 (RFC 9285), the alphanumeric-QR-friendly encoding of HCERT. */
public final class Base45 {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private Base45() {}

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length + 1) / 2 * 3);
        for (int i = 0; i + 1 < data.length; i += 2) {
            int n = ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
            out.append(ALPHABET.charAt(n % 45))
                    .append(ALPHABET.charAt(n / 45 % 45))
                    .append(ALPHABET.charAt(n / 2025));
        }
        if (data.length % 2 == 1) {
            int n = data[data.length - 1] & 0xFF;
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException on a character outside the alphabet, a bad length or an overflowing group */
    public static byte[] decode(String text) {
        if (text.length() % 3 == 1) {
            throw new IllegalArgumentException("Base45 text length " + text.length() + " leaves a dangling character");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 3 * 2 + 1);
        int i = 0;
        for (; i + 2 < text.length(); i += 3) {
            int n = value(text, i) + value(text, i + 1) * 45 + value(text, i + 2) * 2025;
            if (n > 0xFFFF) {
                throw new IllegalArgumentException("Base45 group at " + i + " exceeds two bytes");
            }
            out.write(n >> 8);
            out.write(n & 0xFF);
        }
        if (i < text.length()) {
            int n = value(text, i) + value(text, i + 1) * 45;
            if (n > 0xFF) {
                throw new IllegalArgumentException("Base45 final group exceeds one byte");
            }
            out.write(n);
        }
        return out.toByteArray();
    }

    private static int value(String text, int index) {
        char c = text.charAt(index);
        int v = c < 128 ? VALUES[c] : -1;
        if (v < 0) {
            throw new IllegalArgumentException("not a Base45 character at " + index);
        }
        return v;
    }
}

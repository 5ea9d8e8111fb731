package org.certhub.signer.w3c;

import java.math.BigInteger;
import java.util.Arrays;

/** Multibase base58btc ({@code z…}), as Ed25519Signature2020 proofs and Ed25519VerificationKey2020 keys use. */
public final class Multibase {

    /** Multicodec prefix of an Ed25519 public key (0xed, varint-encoded). */
    private static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    private static final int MAX_ENCODED_LENGTH = 512;

    private Multibase() {}

    public static String encodeBase58Btc(byte[] data) {
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, data);
        while (value.signum() > 0) {
            BigInteger[] divRem = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(divRem[1].intValue()));
            value = divRem[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) {
            out.append(ALPHABET.charAt(0));
        }
        return "z" + out.reverse();
    }

    /** Decodes {@code z…}; throws IllegalArgumentException on any other prefix or a character outside the alphabet. */
    public static byte[] decodeBase58Btc(String multibase) {
        if (multibase == null
                || multibase.length() < 2
                || multibase.charAt(0) != 'z'
                || multibase.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("not a base58btc multibase value");
        }
        String text = multibase.substring(1);
        BigInteger value = BigInteger.ZERO;
        int leadingZeros = 0;
        boolean leading = true;
        for (char c : text.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new IllegalArgumentException("not a base58 character");
            }
            if (leading && digit == 0) {
                leadingZeros++;
            } else {
                leading = false;
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        if (magnitude.length > 0 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] out = new byte[leadingZeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, leadingZeros, magnitude.length);
        return out;
    }

    /** An Ed25519 public key as {@code publicKeyMultibase}: base58btc of the multicodec prefix and the raw key. */
    public static String ed25519PublicKey(byte[] rawPublicKey) {
        byte[] prefixed = new byte[ED25519_PUB.length + rawPublicKey.length];
        System.arraycopy(ED25519_PUB, 0, prefixed, 0, ED25519_PUB.length);
        System.arraycopy(rawPublicKey, 0, prefixed, ED25519_PUB.length, rawPublicKey.length);
        return encodeBase58Btc(prefixed);
    }
}

package org.certhub.signer.hcert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Unique Vaccination Certificate Identifiers (eHealth Network guidelines, annex 2, option 3 layout):
 * {@code URN:UVCI:01:<country>:<issuer prefix>/<unique>#<check character>}. The unique part is derived from
 * the certificate id (the first 130 bits of its SHA-256, base32), so the same certificate always gets the same
 * UVCI and the UVCI reveals nothing of the id. The check character is Luhn mod N as the eHN reference computes it.
 */
public final class Uvci {

    /**
     * The code points of the checksum, in the eHN reference's order (ehn-dcc-schema,
     * {@code examples/Luhn-Mod-N/luhn_mod_n.py}): upper-case letters, then digits, '/' and ':'.
     */
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:";

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int UNIQUE_LENGTH = 26;
    private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,20}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private Uvci() {}

    /** The UVCI of a certificate id, e.g. {@code URN:UVCI:01:IN:CERTHUB/3ZK...#Q}. */
    public static String of(String country, String issuerPrefix, String certificateId) {
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("UVCI country must be two upper-case letters");
        }
        if (!PREFIX.matcher(issuerPrefix).matches()) {
            throw new IllegalArgumentException("UVCI issuer prefix must be 1 to 20 upper-case letters or digits");
        }
        String body = "URN:UVCI:01:" + country + ":" + issuerPrefix + "/" + unique(certificateId);
        return body + "#" + checkCharacter(body);
    }

    /** Luhn mod N check character of the text (characters outside {@link #ALPHABET} are skipped). */
    public static char checkCharacter(String text) {
        int n = ALPHABET.length();
        int factor = 2;
        int sum = 0;
        String upper = text.toUpperCase(Locale.ROOT);
        for (int i = upper.length() - 1; i >= 0; i--) {
            int codePoint = ALPHABET.indexOf(upper.charAt(i));
            if (codePoint < 0) {
                continue;
            }
            int addend = factor * codePoint;
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        int remainder = sum % n;
        return ALPHABET.charAt((n - remainder) % n);
    }

    /** Whether a UVCI's check character (after '#') matches its body. */
    public static boolean hasValidCheckCharacter(String uvci) {
        int hash = uvci.lastIndexOf('#');
        return hash > 0
                && hash == uvci.length() - 2
                && checkCharacter(uvci.substring(0, hash)) == uvci.charAt(hash + 1);
    }

    /**
     * The UCI hash under which the EU's DCC revocation lists name a certificate: the first 128 bits of the SHA-256
     * of its UVCI as the certificate carries it, base64 (24 characters). It reveals nothing of the certificate.
     */
    public static String revocationHash(String uvci) {
        return Base64.getEncoder().encodeToString(Arrays.copyOf(sha256(uvci), 16));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    private static String unique(String certificateId) {
        byte[] digest = sha256(certificateId);
        StringBuilder out = new StringBuilder(UNIQUE_LENGTH);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; out.length() < UNIQUE_LENGTH; i++) {
            buffer = (buffer << 8) | (digest[i] & 0xFF);
            bits += 8;
            while (bits >= 5 && out.length() < UNIQUE_LENGTH) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 0x1F));
                bits -= 5;
            }
        }
        return out.toString();
    }
}

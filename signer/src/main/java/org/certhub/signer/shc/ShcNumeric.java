package org.certhub.signer.shc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numeric QR text of SMART Health Cards: {@code shc:/} then two digits per JWS character (its code minus
 * 45), and the legacy chunked form {@code shc:/<index>/<count>/<digits>} that older issuers split long cards
 * into.
 */
final class ShcNumeric {

    static final String PREFIX = "shc:/";
    private static final int OFFSET = 45; // '-', the lowest character of base64url and '.'
    private static final int MAX_VALUE = 'z' - OFFSET;
    private static final Pattern SINGLE = Pattern.compile("\\d+");
    private static final Pattern CHUNK = Pattern.compile("(\\d{1,3})/(\\d{1,3})/(\\d+)");

    private ShcNumeric() {}

    /** The QR text of a compact JWS. */
    static String encode(String jws) {
        StringBuilder text = new StringBuilder(PREFIX.length() + jws.length() * 2).append(PREFIX);
        for (int i = 0; i < jws.length(); i++) {
            int value = jws.charAt(i) - OFFSET;
            if (value < 0 || value > MAX_VALUE) {
                throw new IllegalArgumentException("not a compact JWS character at index " + i);
            }
            text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }
        return text.toString();
    }

    static boolean hasPrefix(String text) {
        return text.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The JWS in a single (unchunked) QR text. */
    static String decode(String text) throws MalformedCardException {
        String body = body(text);
        if (CHUNK.matcher(body).matches()) {
            throw new MalformedCardException("one chunk of a chunked card: all chunks are needed");
        }
        return digitsToJws(body);
    }

    /** The JWS in the chunks of a chunked card, given in any order (a single unchunked text is accepted too). */
    static String decodeChunks(List<String> texts) throws MalformedCardException {
        if (texts.isEmpty()) {
            throw new MalformedCardException("no QR text");
        }
        if (texts.size() == 1 && !CHUNK.matcher(body(texts.get(0))).matches()) {
            return decode(texts.get(0));
        }
        String[] parts = new String[texts.size()];
        for (String text : texts) {
            Matcher chunk = CHUNK.matcher(body(text));
            if (!chunk.matches()) {
                throw new MalformedCardException("not a chunk of the form shc:/<index>/<count>/<digits>");
            }
            int index = Integer.parseInt(chunk.group(1));
            int count = Integer.parseInt(chunk.group(2));
            if (count != texts.size()) {
                throw new MalformedCardException("chunk says " + count + " chunks, " + texts.size() + " given");
            }
            if (index < 1 || index > count || parts[index - 1] != null) {
                throw new MalformedCardException("chunk index " + index + " out of range or repeated");
            }
            parts[index - 1] = chunk.group(3);
        }
        return digitsToJws(String.join("", parts));
    }

    private static String body(String text) throws MalformedCardException {
        String trimmed = text.strip();
        if (!hasPrefix(trimmed)) {
            throw new MalformedCardException("does not start with " + PREFIX);
        }
        return trimmed.substring(PREFIX.length());
    }

    private static String digitsToJws(String digits) throws MalformedCardException {
        if (digits.isEmpty()
                || digits.length() % 2 != 0
                || !SINGLE.matcher(digits).matches()) {
            throw new MalformedCardException("numeric part is not an even number of digits");
        }
        char[] jws = new char[digits.length() / 2];
        for (int i = 0; i < jws.length; i++) {
            int value = (digits.charAt(2 * i) - '0') * 10 + (digits.charAt(2 * i + 1) - '0');
            if (value > MAX_VALUE) {
                throw new MalformedCardException("digit pair " + value + " at " + i + " is beyond 'z'");
            }
            jws[i] = (char) (value + OFFSET);
        }
        return new String(jws);
    }
}

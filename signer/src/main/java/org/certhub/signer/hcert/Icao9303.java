package org.certhub.signer.hcert;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Names in the machine-readable form of ICAO Doc 9303 part 3 (the DCC's {@code fnt} and {@code gnt}):
 * upper-case A to Z with {@code <} for spaces and hyphens; the letters the standard transliterates to two
 * letters (Ä, Ö, Ü, ß, Å, Æ, Ø, Œ, Þ, Ĳ) are written so, other diacritics are dropped, and apostrophes
 * and other punctuation vanish.
 */
public final class Icao9303 {

    /** Longest standardised name the DCC schema accepts. */
    public static final int MAX_LENGTH = 80;

    private static final Map<Character, String> SPECIAL = Map.ofEntries(
            Map.entry('Ä', "AE"),
            Map.entry('Ö', "OE"),
            Map.entry('Ü', "UE"),
            Map.entry('ß', "SS"),
            Map.entry('ẞ', "SS"),
            Map.entry('Å', "AA"),
            Map.entry('Æ', "AE"),
            Map.entry('Ø', "OE"),
            Map.entry('Œ', "OE"),
            Map.entry('Þ', "TH"),
            Map.entry('Ĳ', "IJ"),
            Map.entry('Ð', "D"),
            Map.entry('Đ', "D"),
            Map.entry('Ħ', "H"),
            Map.entry('Ł', "L"),
            Map.entry('Ŀ', "L"),
            Map.entry('Ŋ', "N"));

    private Icao9303() {}

    /** The standardised form; empty when nothing in the name is Latin script. */
    public static String transliterate(String name) {
        StringBuilder out = new StringBuilder(name.length());
        String upper = name.strip().replace('ı', 'I').toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append(c);
            } else if (c == ' ' || c == '-' || c == '<' || c == ',') {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != '<') {
                    out.append('<');
                }
            } else if (SPECIAL.containsKey(c)) {
                out.append(SPECIAL.get(c));
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                if (!base.isEmpty() && base.charAt(0) >= 'A' && base.charAt(0) <= 'Z') {
                    out.append(base.charAt(0));
                }
            }
        }
        while (!out.isEmpty() && out.charAt(out.length() - 1) == '<') {
            out.setLength(out.length() - 1);
        }
        return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString();
    }
}

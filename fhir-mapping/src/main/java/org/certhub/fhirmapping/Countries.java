package org.certhub.fhirmapping;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** ISO 3166-1 alpha-2 codes from what senders write: alpha-2, alpha-3 or the English country name. */
public final class Countries {

    private static final Set<String> ALPHA2 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
    private static final Map<String, String> ALPHA3_AND_NAMES = new HashMap<>();

    static {
        for (String alpha2 : ALPHA2) {
            Locale locale = new Locale("", alpha2);
            try {
                ALPHA3_AND_NAMES.put(locale.getISO3Country(), alpha2);
            } catch (java.util.MissingResourceException noAlpha3) {
                // a code without an alpha-3 form is still accepted as alpha-2
            }
            ALPHA3_AND_NAMES.put(locale.getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT), alpha2);
        }
        ALPHA3_AND_NAMES.put("USA", "US");
        ALPHA3_AND_NAMES.put("UNITED STATES OF AMERICA", "US");
        ALPHA3_AND_NAMES.put("UK", "GB");
    }

    private Countries() {}

    public static Optional<String> alpha2(String country) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        String upper = country.trim().toUpperCase(Locale.ROOT);
        if (ALPHA2.contains(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(ALPHA3_AND_NAMES.get(upper));
    }
}

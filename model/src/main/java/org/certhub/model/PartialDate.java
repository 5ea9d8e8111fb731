package org.certhub.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A date known to the year, the month or the day, as FHIR and the EU DCC allow for birth dates.
 * Kept as its ISO 8601 text ({@code 1964}, {@code 1964-08}, {@code 1964-08-12}).
 */
public record PartialDate(String iso) {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

    public PartialDate {
        Objects.requireNonNull(iso, "iso");
        if (!FORMAT.matcher(iso).matches()) {
            throw new IllegalArgumentException("not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: " + iso);
        }
        if (iso.length() == 10) {
            try {
                LocalDate.parse(iso);
            } catch (java.time.format.DateTimeParseException impossible) { // 2021-02-30
                throw new IllegalArgumentException("not a calendar date: " + iso, impossible);
            }
        }
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.toString());
    }

    public int year() {
        return Integer.parseInt(iso.substring(0, 4));
    }

    public boolean isComplete() {
        return iso.length() == 10;
    }

    @Override
    public String toString() {
        return iso;
    }
}

package org.certhub.connectors.id.match;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Compares a name and a birth date from the record with those an ID system returned, by {@link MatchSettings}. */
public final class DemographicMatcher {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T.*)?)?)?");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private final MatchSettings settings;

    public DemographicMatcher(MatchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public boolean namesMatch(String recorded, String verified) {
        if (recorded == null || verified == null) {
            return false;
        }
        return switch (settings.nameRule()) {
            case EXACT -> recorded.equals(verified);
            case NORMALISED -> normaliseName(recorded).equals(normaliseName(verified));
            case FUZZY ->
                JaroWinkler.similarity(normaliseName(recorded), normaliseName(verified)) >= settings.nameThreshold();
        };
    }

    public boolean birthDatesMatch(String recorded, String verified) {
        if (recorded == null || verified == null) {
            return false;
        }
        if (settings.birthDateRule() == MatchRule.EXACT) {
            return recorded.equals(verified);
        }
        Optional<PartialDay> a = PartialDay.parse(recorded);
        Optional<PartialDay> b = PartialDay.parse(verified);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.get().agreesWith(b.get())) {
            return true;
        }
        return settings.birthDateRule() == MatchRule.FUZZY
                && a.get().nearlyAgreesWith(b.get(), settings.birthDateToleranceDays());
    }

    /** Lower case, without diacritics or punctuation, name parts sorted: "Ña-Ruiz,  José" becomes "jose na ruiz". */
    static String normaliseName(String name) {
        String decomposed =
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        return Arrays.stream(SEPARATORS.split(decomposed.toLowerCase(Locale.ROOT)))
                .filter(part -> !part.isEmpty())
                .sorted()
                .collect(Collectors.joining(" "));
    }

    /** A date known to the year, month or day. */
    private record PartialDay(int year, Integer month, Integer day) {

        static Optional<PartialDay> parse(String text) {
            String value = text.strip();
            try {
                Matcher iso = ISO.matcher(value);
                if (iso.matches()) {
                    return Optional.of(of(iso.group(1), iso.group(2), iso.group(3)));
                }
                Matcher dayFirst = DAY_FIRST.matcher(value);
                if (dayFirst.matches()) {
                    return Optional.of(of(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1)));
                }
                Matcher compact = COMPACT.matcher(value);
                if (compact.matches()) {
                    return Optional.of(of(compact.group(1), compact.group(2), compact.group(3)));
                }
            } catch (DateTimeException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }

        private static PartialDay of(String year, String month, String day) {
            PartialDay date = new PartialDay(
                    Integer.parseInt(year),
                    month == null ? null : Integer.valueOf(month),
                    day == null ? null : Integer.valueOf(day));
            if (date.day != null) {
                LocalDate.of(date.year, date.month, date.day); // rejects 1964-02-30
            } else if (date.month != null && (date.month < 1 || date.month > 12)) {
                throw new DateTimeException("month out of range");
            }
            return date;
        }

        boolean agreesWith(PartialDay other) {
            return year == other.year
                    && (month == null || other.month == null || month.equals(other.month))
                    && (month == null
                            || other.month == null
                            || day == null
                            || other.day == null
                            || day.equals(other.day));
        }

        boolean nearlyAgreesWith(PartialDay other, int toleranceDays) {
            if (day == null || other.day == null) {
                return false;
            }
            LocalDate a = LocalDate.of(year, month, day);
            if (Math.abs(ChronoUnit.DAYS.between(a, LocalDate.of(other.year, other.month, other.day)))
                    <= toleranceDays) {
                return true;
            }
            return year == other.year && month.equals(other.day) && day.equals(other.month);
        }
    }
}

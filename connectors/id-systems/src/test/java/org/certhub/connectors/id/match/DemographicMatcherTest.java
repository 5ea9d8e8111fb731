package org.certhub.connectors.id.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemographicMatcherTest {

    private static DemographicMatcher matcher(MatchRule names, MatchRule dates, int toleranceDays) {
        return new DemographicMatcher(new MatchSettings(names, 0.92, dates, toleranceDays));
    }

    @Test
    void exactNamesMustBeIdentical() {
        DemographicMatcher exact = matcher(MatchRule.EXACT, MatchRule.EXACT, 0);

        assertThat(exact.namesMatch("José Ña-Ruiz", "José Ña-Ruiz")).isTrue();
        assertThat(exact.namesMatch("José Ña-Ruiz", "jose na-ruiz")).isFalse();
        assertThat(exact.namesMatch("José Ña-Ruiz", null)).isFalse();
    }

    @Test
    void normalisedNamesIgnoreCaseDiacriticsPunctuationSpacingAndOrder() {
        DemographicMatcher normalised = matcher(MatchRule.NORMALISED, MatchRule.NORMALISED, 0);

        assertThat(DemographicMatcher.normaliseName("  Ña-Ruiz,\tJOSÉ ")).isEqualTo("jose na ruiz");
        assertThat(normalised.namesMatch("José Ña-Ruiz", "RUIZ  NA jose")).isTrue();
        assertThat(normalised.namesMatch("Zoë Ångström", "angstrom zoe")).isTrue();
        assertThat(normalised.namesMatch("José Ña-Ruiz", "José Ruiz")).isFalse();
        assertThat(normalised.namesMatch("José Ña-Ruiz", "Jose Na Ruis")).isFalse();
    }

    @Test
    void fuzzyNamesAcceptSmallTyposAboveTheThreshold() {
        DemographicMatcher fuzzy = matcher(MatchRule.FUZZY, MatchRule.NORMALISED, 0);

        assertThat(fuzzy.namesMatch("José Ña-Ruiz", "Jose Na Ruis")).isTrue();
        assertThat(fuzzy.namesMatch("Priya Raghavan", "Priya Ragavan")).isTrue();
        assertThat(fuzzy.namesMatch("Priya Raghavan", "Anil Kumar")).isFalse();
    }

    @Test
    void normalisedDatesReadCommonSpellingsAndComparePartialDatesToTheirPrecision() {
        DemographicMatcher normalised = matcher(MatchRule.NORMALISED, MatchRule.NORMALISED, 0);

        assertThat(normalised.birthDatesMatch("1964-08-12", "12/08/1964")).isTrue();
        assertThat(normalised.birthDatesMatch("1964-08-12", "12.8.1964")).isTrue();
        assertThat(normalised.birthDatesMatch("1964-08-12", "19640812")).isTrue();
        assertThat(normalised.birthDatesMatch("1964-08-12", "1964-08-12T00:00:00Z"))
                .isTrue();
        assertThat(normalised.birthDatesMatch("1964", "1964-08-12")).isTrue();
        assertThat(normalised.birthDatesMatch("1964-08", "1964-09-01")).isFalse();
        assertThat(normalised.birthDatesMatch("1964-08-12", "1964-08-13")).isFalse();
        assertThat(normalised.birthDatesMatch("1964-02-28", "30/02/1964")).isFalse();
        assertThat(normalised.birthDatesMatch("1964-08-12", "unknown")).isFalse();
    }

    @Test
    void exactDatesMustBeSpelledAlike() {
        assertThat(matcher(MatchRule.EXACT, MatchRule.EXACT, 0).birthDatesMatch("1964-08-12", "12/08/1964"))
                .isFalse();
    }

    @Test
    void fuzzyDatesAcceptSwappedDayAndMonthAndTheTolerance() {
        DemographicMatcher fuzzy = matcher(MatchRule.NORMALISED, MatchRule.FUZZY, 1);

        assertThat(fuzzy.birthDatesMatch("1964-08-12", "1964-12-08")).isTrue();
        assertThat(fuzzy.birthDatesMatch("1964-08-12", "1964-08-13")).isTrue();
        assertThat(fuzzy.birthDatesMatch("1964-08-12", "1964-08-14")).isFalse();
        assertThat(fuzzy.birthDatesMatch("1964-08-12", "1965-12-08")).isFalse();
    }
}

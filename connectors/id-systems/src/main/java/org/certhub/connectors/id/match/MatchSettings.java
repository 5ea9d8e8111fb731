package org.certhub.connectors.id.match;

import java.util.Objects;

/**
 * How the demographics an ID system returns are compared with the record's.
 *
 * @param nameRule                 how names are compared
 * @param nameThreshold            for {@link MatchRule#FUZZY} names: the least Jaro-Winkler similarity, in (0, 1]
 * @param birthDateRule            how birth dates are compared
 * @param birthDateToleranceDays   for {@link MatchRule#FUZZY} birth dates: how many days apart still match
 */
public record MatchSettings(
        MatchRule nameRule, double nameThreshold, MatchRule birthDateRule, int birthDateToleranceDays) {

    public static final MatchSettings DEFAULT = new MatchSettings(MatchRule.NORMALISED, 0.92, MatchRule.NORMALISED, 0);

    public MatchSettings {
        Objects.requireNonNull(nameRule, "nameRule");
        Objects.requireNonNull(birthDateRule, "birthDateRule");
        if (!(nameThreshold > 0.0 && nameThreshold <= 1.0)) {
            throw new IllegalArgumentException("nameThreshold must be in (0, 1]: " + nameThreshold);
        }
        if (birthDateToleranceDays < 0 || birthDateToleranceDays > 366) {
            throw new IllegalArgumentException("birthDateToleranceDays must be in [0, 366]: " + birthDateToleranceDays);
        }
    }
}

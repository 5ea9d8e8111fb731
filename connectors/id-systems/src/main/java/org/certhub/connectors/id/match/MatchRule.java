package org.certhub.connectors.id.match;

/** How strictly a demographic field the ID system returned must agree with the one on the record. */
public enum MatchRule {
    /** Character for character. */
    EXACT,
    /**
     * Names: case, diacritics, punctuation, repeated whitespace and the order of name parts are ignored.
     * Birth dates: common spellings ({@code 1964-08-12}, {@code 12/08/1964}, {@code 19640812}, an ISO date-time)
     * are read as dates and compared to the precision both sides know (a year matches any date in it).
     */
    NORMALISED,
    /**
     * Names: the normalised forms reach the Jaro-Winkler similarity threshold. Birth dates: the normalised
     * dates are equal, day and month are swapped, or they are at most the tolerance in days apart.
     */
    FUZZY
}

package org.certhub.routes.distribute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RecipientLanguagesTest {

    /** The languages the shipped bundles have texts for. */
    private static final Predicate<Locale> SHIPPED =
            locale -> Set.of("en", "fr", "hi").contains(locale.getLanguage());

    @Test
    void theRecipientsLanguageComesFirst() {
        assertThat(RecipientLanguages.choose("hi", "fr", SHIPPED)).isEqualTo(new Locale("hi"));
        assertThat(RecipientLanguages.choose("fr-CA", null, SHIPPED)).isEqualTo(Locale.CANADA_FRENCH);
    }

    @Test
    void withoutOneTheProgrammesDefaultThenEnglish() {
        assertThat(RecipientLanguages.choose(null, "hi", SHIPPED)).isEqualTo(new Locale("hi"));
        assertThat(RecipientLanguages.choose(" ", "", SHIPPED)).isEqualTo(Locale.ENGLISH);
        assertThat(RecipientLanguages.choose(null, null, SHIPPED)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aLanguageWithoutTextsOrIllFormedGivesWayToTheProgrammes() {
        assertThat(RecipientLanguages.choose("ta", "hi", SHIPPED)).isEqualTo(new Locale("hi"));
        assertThat(RecipientLanguages.choose("not a tag!", "fr", SHIPPED)).isEqualTo(Locale.FRENCH);
        assertThat(RecipientLanguages.choose("ta", "de", SHIPPED)).isEqualTo(Locale.ENGLISH);
    }
}

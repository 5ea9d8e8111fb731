package org.certhub.routes.distribute;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.certhub.model.Certificate;
import org.certhub.render.Templates;
import org.certhub.routes.config.ProgrammeProperties;
import org.springframework.stereotype.Component;

/**
 * The language a certificate's deliveries and documents are in: the recipient's own (FHIR
 * {@code Patient.communication}), else the programme's {@code default-language}, else English; a language counts
 * only when the hub has texts for it ({@code i18n/messages_<language>.properties}), so a recipient who prefers a
 * language without texts reads the programme's language rather than English.
 */
@Component
public class RecipientLanguages {

    private final ProgrammeProperties programmes;
    private final Predicate<Locale> hasTexts;

    public RecipientLanguages(ProgrammeProperties programmes, Templates templates) {
        this.programmes = programmes;
        this.hasTexts = templates.messages()::supports;
    }

    /** The language of the certificate's recipient, as described above. */
    public Locale of(Certificate certificate) {
        return choose(
                certificate.recipient().language(),
                programmes.defaultLanguage(certificate.event().programmeId()).orElse(null),
                hasTexts);
    }

    /** The first well-formed tag of the two that has texts, else English. */
    static Locale choose(String recipientLanguage, String programmeLanguage, Predicate<Locale> hasTexts) {
        return Stream.of(recipientLanguage, programmeLanguage)
                .map(RecipientLanguages::locale)
                .flatMap(Optional::stream)
                .filter(hasTexts)
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    private static Optional<Locale> locale(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.trim()).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }
}

package org.certhub.routes.store;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.certhub.model.Identifier;
import org.certhub.model.Recipient;
import org.certhub.model.VaccinationEvent;

/**
 * The stable key under which the doses of one person are found again: a SHA-256 over the sending system and the
 * person's identifier as that sender gives it (national id, passport, health id, medical record, other, in that
 * order of preference), else over the sender, the name (case, accents and punctuation aside) and the birth date.
 * Scoped to the sender: two senders' records of namesakes born the same day are never joined. Only the hash is
 * stored.
 */
public final class PersonKeys {

    private static final Comparator<Identifier> PREFERRED = Comparator.comparing(Identifier::type)
            .thenComparing(identifier -> identifier.system() == null ? "" : identifier.system())
            .thenComparing(Identifier::value);

    private PersonKeys() {}

    /** The person key of the event's recipient, or empty when the record names neither an identifier nor a name and birth date. */
    public static Optional<String> of(VaccinationEvent event) {
        Recipient recipient = event.recipient();
        Optional<String> person = recipient.identifiers().stream()
                .filter(identifier -> !identifier.value().isBlank())
                .min(PREFERRED)
                .map(identifier ->
                        "id|" + identifier.type() + "|" + (identifier.system() == null ? "" : identifier.system()) + "|"
                                + identifier.value().strip())
                .or(() -> nameAndBirthDate(recipient));
        return person.map(who -> ModelJson.sha256(event.sourceSystem() + "|" + who));
    }

    private static Optional<String> nameAndBirthDate(Recipient recipient) {
        if (recipient.name() == null || recipient.birthDate() == null) {
            return Optional.empty();
        }
        String name = Normalizer.normalize(recipient.name().fullName(), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return name.isEmpty()
                ? Optional.empty()
                : Optional.of("name|" + name + "|" + recipient.birthDate().iso());
    }
}

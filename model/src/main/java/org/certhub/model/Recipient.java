package org.certhub.model;

import java.util.List;
import java.util.Optional;

/**
 * The vaccinated person (DDCC:VS: name, birth date, sex, identifier), how to reach them and in which language.
 *
 * @param language the language the person prefers to read, as a BCP 47 tag ({@code hi}, {@code fr-FR}), or null
 *                 when the record names none
 */
public record Recipient(
        PersonName name,
        PartialDate birthDate,
        Gender gender,
        List<Identifier> identifiers,
        List<ContactPoint> contacts,
        Address address,
        String nationality,
        String language) {

    public Recipient {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        gender = gender == null ? Gender.UNKNOWN : gender;
        language = language == null || language.isBlank() ? null : language;
    }

    /** A recipient whose record names no language. */
    public Recipient(
            PersonName name,
            PartialDate birthDate,
            Gender gender,
            List<Identifier> identifiers,
            List<ContactPoint> contacts,
            Address address,
            String nationality) {
        this(name, birthDate, gender, identifiers, contacts, address, nationality, null);
    }

    public Optional<String> contact(ContactPoint.Channel channel) {
        return contacts.stream()
                .filter(c -> c.channel() == channel)
                .map(ContactPoint::value)
                .findFirst();
    }

    public Optional<Identifier> identifier(Identifier.IdentifierType type) {
        return identifiers.stream().filter(i -> i.type() == type).findFirst();
    }
}

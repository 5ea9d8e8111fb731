package org.certhub.model;

import java.util.List;
import java.util.Optional;

/** The vaccinated person (DDCC:VS: name, birth date, sex, identifier) and how to reach them. */
public record Recipient(
        PersonName name,
        PartialDate birthDate,
        Gender gender,
        List<Identifier> identifiers,
        List<ContactPoint> contacts,
        Address address,
        String nationality) {

    public Recipient {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        gender = gender == null ? Gender.UNKNOWN : gender;
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

package org.certhub.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A person's name as it should appear on the certificate. */
public record PersonName(List<String> given, String family, String text) {

    public PersonName {
        given = given == null ? List.of() : List.copyOf(given);
    }

    /** The name as written on a certificate: the sender's text, else given names then family name. */
    public String fullName() {
        if (text != null && !text.isBlank()) {
            return text;
        }
        return Stream.concat(given.stream(), Stream.ofNullable(family))
                .filter(Objects::nonNull)
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining(" "));
    }
}

package org.certhub.model;

import java.util.List;

/** A postal address; {@code country} is ISO 3166-1 alpha-2 where known. */
public record Address(
        List<String> lines, String city, String district, String state, String postalCode, String country) {

    public Address {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static Address ofCountry(String country) {
        return new Address(List.of(), null, null, null, null, country);
    }
}

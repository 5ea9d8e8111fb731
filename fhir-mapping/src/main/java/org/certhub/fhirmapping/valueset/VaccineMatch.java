package org.certhub.fhirmapping.valueset;

/** What the codings of one {@code vaccineCode} amount to in the configured value sets. */
public sealed interface VaccineMatch {

    /** The codings name this vaccine (a product, or a vaccine type when no coding names a product). */
    record Found(VaccineDefinition vaccine) implements VaccineMatch {}

    /** No coding is in the value sets. */
    record Unknown() implements VaccineMatch {}

    /** Two codings name different products or programmes. */
    record Conflict(VaccineDefinition one, VaccineDefinition other) implements VaccineMatch {}
}

package org.certhub.model;

/** Administrative gender, with FHIR's codes. */
public enum Gender {
    MALE,
    FEMALE,
    OTHER,
    UNKNOWN;

    public String fhirCode() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.certhub.model;

import java.util.Objects;

/**
 * An identifier of a person or record: {@code system} names the issuing namespace (a URI such as
 * {@code did:in.gov.uidai.aadhaar} or a FHIR identifier system), {@code type} what kind it is.
 */
public record Identifier(IdentifierType type, String system, String value) {

    public Identifier {
        Objects.requireNonNull(value, "value");
        type = type == null ? IdentifierType.OTHER : type;
    }

    public enum IdentifierType {
        NATIONAL_ID,
        PASSPORT,
        HEALTH_ID,
        MEDICAL_RECORD,
        OTHER
    }
}

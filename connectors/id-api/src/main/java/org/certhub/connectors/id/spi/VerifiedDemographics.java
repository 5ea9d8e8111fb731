package org.certhub.connectors.id.spi;

/**
 * The demographics the ID system holds for the identifier, as it returned them (either may be null).
 * {@link #toString()} shows no personal data, so the record may appear in logs.
 */
public record VerifiedDemographics(String name, String birthDate) {

    @Override
    public String toString() {
        return "VerifiedDemographics[name=" + (name == null ? "absent" : "present") + ", birthDate="
                + (birthDate == null ? "absent" : "present") + "]";
    }
}

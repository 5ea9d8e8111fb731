package org.certhub.connectors.payment.spi;

import java.util.Locale;
import java.util.Optional;

/** Who pays for a dose: from the FHIR record ({@code Immunization.fundingSource}) or the facility's configuration. */
public enum FundingSource {
    GOVERNMENT,
    EMPLOYER,
    INDIVIDUAL,
    INSURER;

    /**
     * Reads an {@code Immunization.fundingSource} code: {@code public} (HL7 immunization-funding-source) is
     * {@link #GOVERNMENT}; this enum's names (any case) are taken as they are. HL7's {@code private} does not say
     * which private payer it is, so it, and any other code, gives empty: the facility's configuration decides.
     */
    public static Optional<FundingSource> fromFhirCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String normalised = code.strip().toUpperCase(Locale.ROOT);
        if (normalised.equals("PUBLIC")) {
            return Optional.of(GOVERNMENT);
        }
        for (FundingSource source : values()) {
            if (source.name().equals(normalised)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}

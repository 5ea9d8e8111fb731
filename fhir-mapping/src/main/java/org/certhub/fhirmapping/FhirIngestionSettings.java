package org.certhub.fhirmapping;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link FhirIngestion} checks and maps what it reads.
 *
 * @param validation                  {@link ValidationLevel#STRUCTURE} (the default: what the R4 parser checks
 *                                    plus the mapping's own checks) or {@link ValidationLevel#FULL} (HAPI's
 *                                    instance validator against the R4 base definitions as well: measured
 *                                    at about 25 ms of CPU per record against 0.1 ms, so some 40 records
 *                                    per second per core)
 * @param profileValidation           with {@code FULL}: validate against the profiles a resource declares in
 *                                    {@code meta.profile} and fail when one is unknown (otherwise an unknown
 *                                    declared profile is ignored)
 * @param profilesDirectory           with {@code profileValidation}: a directory of StructureDefinition,
 *                                    ValueSet and CodeSystem JSON files (e.g. the DDCC or a national IG);
 *                                    may be {@code null}
 * @param defaultProgrammeId          the programme of a dose whose vaccine code is unknown and whose
 *                                    {@code protocolApplied.targetDisease} names no configured programme
 * @param unknownVaccinesAllowedIn    programmes that certify a dose whose vaccine code is in no value set
 *                                    (the code is certified as received); any other programme answers 422
 * @param defaultCountry              the country of vaccination (ISO 3166-1 alpha-2) when neither the
 *                                    location nor the organization gives one; may be {@code null}
 * @param maxInputChars               the largest body accepted (characters); larger answers 413
 */
public record FhirIngestionSettings(
        ValidationLevel validation,
        boolean profileValidation,
        Path profilesDirectory,
        String defaultProgrammeId,
        Set<String> unknownVaccinesAllowedIn,
        String defaultCountry,
        int maxInputChars) {

    /** 5 MB of text, as the hub's default request limit. */
    public static final int DEFAULT_MAX_INPUT_CHARS = 5 * 1024 * 1024;

    public FhirIngestionSettings {
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(defaultProgrammeId, "defaultProgrammeId");
        unknownVaccinesAllowedIn = unknownVaccinesAllowedIn == null ? Set.of() : Set.copyOf(unknownVaccinesAllowedIn);
        if (maxInputChars < 1) {
            throw new IllegalArgumentException("maxInputChars must be positive");
        }
        if (defaultCountry != null && !defaultCountry.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("defaultCountry must be an ISO 3166-1 alpha-2 code");
        }
    }

    /** Structure-level validation, programme {@code covid-19}, unknown vaccine codes rejected, 5 MB. */
    public static FhirIngestionSettings defaults() {
        return new FhirIngestionSettings(
                ValidationLevel.STRUCTURE, false, null, "covid-19", Set.of(), null, DEFAULT_MAX_INPUT_CHARS);
    }

    public FhirIngestionSettings withValidation(ValidationLevel level, boolean profiles, Path directory) {
        return new FhirIngestionSettings(
                level,
                profiles,
                directory,
                defaultProgrammeId,
                unknownVaccinesAllowedIn,
                defaultCountry,
                maxInputChars);
    }

    public FhirIngestionSettings withUnknownVaccinesAllowedIn(Set<String> programmes) {
        return new FhirIngestionSettings(
                validation,
                profileValidation,
                profilesDirectory,
                defaultProgrammeId,
                programmes,
                defaultCountry,
                maxInputChars);
    }

    public FhirIngestionSettings withDefaultCountry(String country) {
        return new FhirIngestionSettings(
                validation,
                profileValidation,
                profilesDirectory,
                defaultProgrammeId,
                unknownVaccinesAllowedIn,
                country,
                maxInputChars);
    }

    public boolean allowsUnknownVaccines(String programmeId) {
        return programmeId != null && unknownVaccinesAllowedIn.contains(programmeId);
    }

    /** How deeply each input is validated. */
    public enum ValidationLevel {
        /** The R4 parser's structural checks (unknown elements, bad values, wrong JSON types) and the mapping's. */
        STRUCTURE,
        /**
         * Also HAPI's instance validator against the R4 base StructureDefinitions (cardinality, invariants, bindings):
         * needs the optional module certhub-fhir-validation on the class path ({@link InstanceValidation}).
         */
        FULL
    }
}

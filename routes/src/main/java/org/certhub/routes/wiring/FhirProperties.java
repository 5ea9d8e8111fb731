package org.certhub.routes.wiring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.certhub.fhirmapping.FhirIngestionSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.fhir.*}: how incoming FHIR records are checked and mapped.
 *
 * @param validation       {@code STRUCTURE}: the R4 parser's checks and the mapping's; {@code FULL}: also HAPI's
 *                         instance validator (slower)
 * @param defaultProgramme the programme of a record that names none
 * @param profilesDir      a folder of StructureDefinitions (JSON) of profiles to validate against, e.g. a national or
 *                         DDCC profile, checked with {@code FULL} validation; unset (null) when blank
 */
@Validated
@ConfigurationProperties("certhub.fhir")
public record FhirProperties(
        @DefaultValue("STRUCTURE") @NotNull FhirIngestionSettings.ValidationLevel validation,
        @DefaultValue("covid-19") @NotBlank String defaultProgramme,
        Path profilesDir) {}

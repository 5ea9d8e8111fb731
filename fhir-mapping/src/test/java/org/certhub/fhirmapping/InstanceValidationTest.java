package org.certhub.fhirmapping;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** FULL without the optional module: refused when the ingestion is built (at the hub's start), not per record. */
class InstanceValidationTest {

    @Test
    void fullValidationWithoutTheModuleNamesItsJarAndTheLoaderPath() {
        assertThatThrownBy(() -> TestFhir.ingestion(FhirIngestionSettings.defaults()
                        .withValidation(FhirIngestionSettings.ValidationLevel.FULL, false, null)))
                .isInstanceOf(InstanceValidation.MissingModuleException.class)
                .hasMessageContaining("-Dloader.path=fhir-validation/target/certhub-fhir-validation-")
                .hasMessageContaining("-jar-with-dependencies.jar");
    }
}

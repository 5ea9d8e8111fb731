package org.certhub.fhirvalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.fhirmapping.FhirIngestionSettings;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.fhirmapping.Fixtures;
import org.certhub.fhirmapping.Submission;
import org.certhub.fhirmapping.TestFhir;
import org.junit.jupiter.api.Test;

/** {@code ValidationLevel.FULL}: HAPI's instance validator catches what the parser's structure checks cannot. */
class FullValidationTest {

    /** pat-1: a Patient.contact needs a name, telecom, address or organization. The parser accepts it. */
    private static final String INVARIANT_BROKEN = Fixtures.bundle(
            "transaction",
            "urn:uuid:p1",
            Fixtures.PATIENT.replace(
                    "\"gender\":\"female\"", "\"gender\":\"female\",\"contact\":[{\"gender\":\"male\"}]"),
            "urn:uuid:i1",
            Fixtures.comirnaty("i1", "urn:uuid:p1", ""));

    @Test
    void structureLevelTakesWhatOnlyTheInstanceValidatorRejects() {
        Submission submission = TestFhir.ingestion().read(INVARIANT_BROKEN, FhirEncoding.JSON, "t");
        assertThat(submission.entries()).singleElement().isInstanceOf(Submission.Accepted.class);

        FhirIngestion full = TestFhir.ingestion(FhirIngestionSettings.defaults()
                .withValidation(FhirIngestionSettings.ValidationLevel.FULL, false, null));
        assertThatThrownBy(() -> full.read(INVARIANT_BROKEN, FhirEncoding.JSON, "t"))
                .isInstanceOfSatisfying(FhirInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.diagnostics()).contains("pat-1");
                        assertThat(p.expression()).contains("Bundle.entry[0].resource");
                    });
                });
        assertThat(full.read(TestFhir.exampleBundle(), FhirEncoding.JSON, "t").entries())
                .singleElement()
                .isInstanceOf(Submission.Accepted.class);
    }
}

package org.certhub.fhirmapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.certhub.fhirmapping.divoc.DivocCertifyMapper;

/**
 * The parser boundary: whatever arrives, the answer is a Submission or a {@link FhirInputException} with a
 * client status (4xx), never another exception (which the hub would answer with a 5xx). A plain {@code mvn test}
 * runs the seed corpus in {@code src/test/resources/.../FhirIngestionFuzzTestInputs}; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
class FhirIngestionFuzzTest {

    private static final FhirIngestion INGESTION = TestFhir.ingestion();
    private static final DivocCertifyMapper DIVOC =
            new DivocCertifyMapper(TestFhir.VALUE_SETS, FhirIngestionSettings.defaults(), TestFhir.CLOCK);

    @FuzzTest
    void jsonBody(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        answersWithASubmissionOrAClientError(() -> INGESTION.read(body, FhirEncoding.JSON, "fuzz"));
        answersWithASubmissionOrAClientError(() -> INGESTION.readImmunization(body, FhirEncoding.JSON, "fuzz"));
    }

    @FuzzTest
    void xmlBody(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        answersWithASubmissionOrAClientError(() -> INGESTION.read(body, FhirEncoding.XML, "fuzz"));
    }

    @FuzzTest
    void divocBody(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        answersWithASubmissionOrAClientError(() -> DIVOC.read(body, "fuzz"));
    }

    private static void answersWithASubmissionOrAClientError(java.util.function.Supplier<Submission> read) {
        try {
            Submission submission = read.get();
            assertThat(submission.entries()).isNotEmpty();
            for (Submission.Entry entry : submission.entries()) {
                if (entry instanceof Submission.Rejected rejected) {
                    assertThat(rejected.status()).isBetween(400, 499);
                    assertThat(rejected.problems()).isNotEmpty();
                }
            }
        } catch (FhirInputException e) {
            assertThat(e.status()).isBetween(400, 499);
            assertThat(e.problems()).isNotEmpty();
        }
    }
}

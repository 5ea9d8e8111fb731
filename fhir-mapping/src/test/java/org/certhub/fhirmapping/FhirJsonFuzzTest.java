package org.certhub.fhirmapping;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * FHIR JSON bodies ({@code POST /fhir/r4} and {@code /fhir/r4/Immunization}): a Submission or a client error, never another exception ({@link IntakeAnswers}). {@code mvn test} runs
 * the seed corpus in {@code src/test/resources/.../FhirJsonFuzzTestInputs}; {@code mvn verify} fuzzes it for a few seconds.
 */
class FhirJsonFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void jsonBody(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        IntakeAnswers.answersWithASubmissionOrAClientError(
                () -> IntakeAnswers.INGESTION.read(body, FhirEncoding.JSON, "fuzz"));
        IntakeAnswers.answersWithASubmissionOrAClientError(
                () -> IntakeAnswers.INGESTION.readImmunization(body, FhirEncoding.JSON, "fuzz"));
    }
}

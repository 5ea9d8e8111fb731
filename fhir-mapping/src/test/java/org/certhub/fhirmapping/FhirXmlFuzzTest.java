package org.certhub.fhirmapping;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * FHIR XML bodies ({@code POST /fhir/r4} as {@code application/fhir+xml}): a Submission or a client error, never another exception ({@link IntakeAnswers}). {@code mvn test} runs
 * the seed corpus in {@code src/test/resources/.../FhirXmlFuzzTestInputs}; {@code mvn verify} fuzzes it for a few seconds.
 */
class FhirXmlFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void xmlBody(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        IntakeAnswers.answersWithASubmissionOrAClientError(
                () -> IntakeAnswers.INGESTION.read(body, FhirEncoding.XML, "fuzz"));
    }
}

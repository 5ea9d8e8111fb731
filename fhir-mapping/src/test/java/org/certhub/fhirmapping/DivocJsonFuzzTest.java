package org.certhub.fhirmapping;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * DIVOC's certify requests ({@code POST /divoc/api/v1/certify}): a Submission or a client error, never another exception ({@link IntakeAnswers}). {@code mvn test} runs
 * the seed corpus in {@code src/test/resources/.../DivocJsonFuzzTestInputs}; {@code mvn verify} fuzzes it for a few seconds.
 */
class DivocJsonFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void divocBody(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        IntakeAnswers.answersWithASubmissionOrAClientError(() -> IntakeAnswers.DIVOC.read(body, "fuzz"));
    }
}

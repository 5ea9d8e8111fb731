package org.certhub.signer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The text body of {@code POST /api/v1/verify} (a QR code's content of any format): always an answer, never an
 * exception. {@code mvn test} runs the seed corpus; {@code mvn verify} fuzzes it for a few seconds (see pom.xml).
 */
class VerifyTextFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void verifyText(byte[] input) {
        FuzzVerification.answers(
                FuzzVerification.VERIFICATION.verify(new String(input, StandardCharsets.UTF_8), FuzzVerification.AT));
    }
}

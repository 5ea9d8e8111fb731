package org.certhub.signer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The binary body of {@code POST /api/v1/verify} (DIVOC's zipped {@code certificate.json}, or any bytes): always an
 * answer, never an exception. {@code mvn test} runs the seed corpus; {@code mvn verify} fuzzes it for a few seconds.
 */
class VerifyBytesFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void verifyBytes(byte[] input) {
        FuzzVerification.answers(FuzzVerification.VERIFICATION.verifyBinary(input, FuzzVerification.AT));
    }
}

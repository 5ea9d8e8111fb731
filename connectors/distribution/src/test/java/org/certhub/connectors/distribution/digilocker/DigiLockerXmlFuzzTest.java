package org.certhub.connectors.distribution.digilocker;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * DigiLocker's pull requests ({@code POST /cert/api/pullUriRequest} and {@code pullDocRequest}, once their HMAC
 * holds): whatever the XML, a parsed request or a {@link DigiLockerRequestException} with a client status, never
 * another exception (a 5xx). {@code mvn test} runs the seed corpus; {@code mvn verify} fuzzes it for a few seconds.
 */
class DigiLockerXmlFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void pullRequest(byte[] input) {
        parsesOrRefuses(() -> DigiLockerPullService.parsePullUri(input));
        parsesOrRefuses(() -> DigiLockerPullService.parsePullDoc(input));
    }

    private static void parsesOrRefuses(Runnable parse) {
        try {
            parse.run();
        } catch (DigiLockerRequestException e) {
            assertThat(e.httpStatus()).isBetween(400, 499);
        }
    }
}

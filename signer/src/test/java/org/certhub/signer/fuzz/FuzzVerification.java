package org.certhub.signer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.certhub.signer.RevocationCheck;
import org.certhub.signer.Verification;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.hcert.EuDccVerifier;
import org.certhub.signer.shc.ShcRevocations;
import org.certhub.signer.shc.ShcVerifier;
import org.certhub.signer.trust.HubTrustedKeys;
import org.certhub.signer.w3c.W3cVcFixture;

/**
 * {@code POST /api/v1/verify} as the hub wires it: every format's verifier over a development keystore. Whatever
 * the input, the answer is a result ({@code valid} or a reason), never an exception (which the hub would answer
 * with a 5xx).
 */
final class FuzzVerification {

    static final Instant AT = Instant.parse("2022-01-01T00:00:00Z");
    static final Verification VERIFICATION = create();

    private FuzzVerification() {}

    private static Verification create() {
        W3cVcFixture w3c = W3cVcFixture.create(Path.of("target", "test-keys", "fuzz"));
        HubTrustedKeys trusted = new HubTrustedKeys(
                w3c.keys(), new HubTrustedKeys.Settings(W3cVcFixture.ISSUER, "https://certs.example.org", null));
        return new Verification(
                List.of(
                        w3c.verifier(),
                        new EuDccVerifier(trusted),
                        new ShcVerifier(
                                trusted,
                                new ShcVerifier.Settings("https://certs.example.org/certificate-id"),
                                ShcRevocations.NONE)),
                RevocationCheck.NONE);
    }

    static void answers(VerificationResult result) {
        assertThat(result).isNotNull();
        assertThat(result.valid() || result.reason() != null)
                .as("an invalid answer names its reason")
                .isTrue();
    }
}

package org.certhub.signer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.certhub.signer.VerificationResult.Reasons;
import org.certhub.signer.qr.DivocQr;
import org.certhub.signer.w3c.W3cVcFixture;
import org.junit.jupiter.api.Test;

class VerificationTest {

    private static final Instant NOW = Instant.parse("2022-01-01T00:00:00Z");

    private static final W3cVcFixture fixture = W3cVcFixture.shared();
    private static final SignedCredential signed = fixture.signedSecondDose();

    @Test
    void validCredentialWithSurroundingWhitespaceVerifies() {
        Verification verification = new Verification(List.of(fixture.verifier()), RevocationCheck.NONE);

        VerificationResult result = verification.verify("\n  " + signed.qrText() + " \r\n", NOW);

        assertThat(result.valid()).isTrue();
        assertThat(result.certificateId()).isEqualTo("CH-2021-000042");
    }

    @Test
    void revokedCertificateIsRevoked() {
        Set<String> revoked = Set.of("CH-2021-000042");
        Verification verification = new Verification(List.of(fixture.verifier()), revoked::contains);

        VerificationResult result = verification.verify(signed.qrText(), NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(Reasons.REVOKED);
        assertThat(result.subject()).containsEntry("name", "Asha Verma");
    }

    @Test
    void aBadSignatureStaysABadSignatureEvenWhenRevoked() {
        Verification verification = new Verification(List.of(fixture.verifier()), id -> true);
        String tampered = signed.qrText().replace("Asha Verma", "Asha Varma");

        assertThat(verification.verify(tampered, NOW).reason()).isEqualTo(Reasons.BAD_SIGNATURE);
    }

    @Test
    void textNoVerifierAcceptsIsAnUnknownFormat() {
        Verification verification = new Verification(List.of(fixture.verifier()), RevocationCheck.NONE);

        assertThat(verification.verify("HC1:6BFOXN%TS3DH0YOJ58S", NOW).reason()).isEqualTo(Reasons.UNKNOWN_FORMAT);
        assertThat(verification.verify("   ", NOW).reason()).isEqualTo(Reasons.MALFORMED);
    }

    @Test
    void divocZippedBytesVerify() {
        Verification verification = new Verification(List.of(fixture.verifier()), RevocationCheck.NONE);

        assertThat(verification
                        .verifyBinary(DivocQr.zip(signed.document()), NOW)
                        .valid())
                .isTrue();
        assertThat(verification
                        .verifyBinary(signed.qrText().getBytes(StandardCharsets.UTF_8), NOW)
                        .valid())
                .isTrue();
    }

    @Test
    void damagedZipIsMalformed() {
        Verification verification = new Verification(List.of(fixture.verifier()), RevocationCheck.NONE);
        byte[] zipped = DivocQr.zip(signed.document());
        zipped[zipped.length / 2] ^= 0x55;

        VerificationResult result = verification.verifyBinary(zipped, NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isIn(Reasons.MALFORMED, Reasons.BAD_SIGNATURE);
        assertThat(verification
                        .verifyBinary(new byte[] {'P', 'K', 3, 4, 0, 0}, NOW)
                        .reason())
                .isEqualTo(Reasons.MALFORMED);
        assertThat(verification
                        .verifyBinary(new byte[] {(byte) 0xff, (byte) 0xfe}, NOW)
                        .reason())
                .isEqualTo(Reasons.MALFORMED);
    }
}

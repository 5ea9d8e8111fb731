package org.certhub.signer.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.TestCertificates;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.VerificationResult.Reasons;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.certhub.signer.keys.TrustedKeys;
import org.certhub.signer.qr.DivocQr;
import org.certhub.signer.qr.QrCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class W3cVcFormatTest {

    private static final Instant NOW = Instant.parse("2022-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every third character: over 500 positions across every field, in a few seconds. */
    private static final int TAMPER_STRIDE = 3;

    private static final W3cVcFixture fixture = W3cVcFixture.shared();
    private static final SignedCredential signed = fixture.signedSecondDose();

    @Test
    void signedCredentialVerifiesWithTheSubject() {
        VerificationResult result = fixture.verifier().verify(signed.qrText(), NOW);

        assertThat(result.valid()).as("reason %s", result.reason()).isTrue();
        assertThat(result.format()).isEqualTo("w3c-vc");
        assertThat(result.issuer()).isEqualTo(W3cVcFixture.ISSUER);
        assertThat(result.keyId())
                .isEqualTo(fixture.keys().activeKey(KeyPurpose.W3C_VC).kid())
                .isEqualTo(signed.keyId());
        assertThat(result.certificateId()).isEqualTo("CH-2021-000042");
        assertThat(result.subject())
                .containsEntry("name", "Asha Verma")
                .containsEntry("dob", "1987-03-21")
                .containsEntry("gender", "Female")
                .containsEntry("age", "34")
                .containsEntry("vaccine", "COVISHIELD")
                .containsEntry("manufacturer", "Serum Institute of India Pvt. Ltd.")
                .containsEntry("batch", "4121Z005")
                .containsEntry("dose", 2)
                .containsEntry("totalDoses", 2)
                .containsEntry("date", "2021-08-12T00:00:00Z")
                .containsEntry("facility", "Primary Health Centre Jayanagar");
    }

    @Test
    void credentialHasDivocShape() throws Exception {
        JsonNode vc = JSON.readTree(signed.document());

        assertThat(vc.get("@context").get(0).asText()).isEqualTo("https://www.w3.org/2018/credentials/v1");
        assertThat(vc.get("type").toString()).isEqualTo("[\"VerifiableCredential\",\"ProofOfVaccinationCredential\"]");
        JsonNode subject = vc.get("credentialSubject");
        assertThat(subject.get("type").asText()).isEqualTo("Person");
        assertThat(subject.get("id").asText()).isEqualTo("did:in.gov.uidai.aadhaar:111122223344");
        assertThat(subject.get("refId").asText()).isEqualTo("PEC-0044-7781");
        assertThat(subject.get("nationality").asText()).isEqualTo("Indian");
        assertThat(subject.get("address").get("addressRegion").asText()).isEqualTo("Karnataka");
        assertThat(subject.get("address").has("streetAddress"))
                .as("street lines are left out")
                .isFalse();
        assertThat(vc.get("issuanceDate").asText()).isEqualTo("2021-08-14T09:31:07Z");
        JsonNode evidence = vc.get("evidence").get(0);
        assertThat(evidence.get("id").asText()).isEqualTo("https://certs.example.org/certificates/CH-2021-000042");
        assertThat(evidence.get("type").get(0).asText()).isEqualTo("Vaccination");
        assertThat(evidence.get("icd11Code").asText()).isEqualTo("XM9QW8");
        assertThat(evidence.get("effectiveStart").asText()).isEqualTo("2021-08-12");
        assertThat(evidence.get("effectiveUntil").asText()).isEqualTo("2022-08-12");
        assertThat(evidence.get("verifier").get("name").asText()).isEqualTo("Dr. Meera Rao");
        assertThat(evidence.get("facility").get("name").asText()).isEqualTo("Primary Health Centre Jayanagar");
        assertThat(vc.get("nonTransferable").asText()).isEqualTo("true");
        JsonNode proof = vc.get("proof");
        assertThat(proof.get("type").asText()).isEqualTo("Ed25519Signature2020");
        assertThat(proof.get("proofPurpose").asText()).isEqualTo("assertionMethod");
        assertThat(proof.get("verificationMethod").asText()).isEqualTo(W3cVcFixture.ISSUER + "#" + signed.keyId());
        assertThat(proof.get("proofValue").asText()).startsWith("z");
        assertThat(signed.document()).doesNotContain("+919876543210", "asha.verma@example.org", "14 MG Road");
    }

    @Test
    void changingAnyCharacterOfTheQrTextInvalidatesIt() {
        String text = signed.qrText();
        Set<String> reasons = new HashSet<>();
        for (int i = 0; i < text.length(); i += TAMPER_STRIDE) {
            char original = text.charAt(i);
            char replacement = (char) (original ^ 1);
            String tampered = text.substring(0, i) + replacement + text.substring(i + 1);
            VerificationResult result = fixture.verifier().verify(tampered, NOW);
            assertThat(result.valid())
                    .as("character %d ('%s' -> '%s') changed", i, original, replacement)
                    .isFalse();
            reasons.add(result.reason());
        }
        assertThat(reasons).contains(Reasons.BAD_SIGNATURE, Reasons.MALFORMED);
    }

    @Test
    void changingAFieldIsABadSignature() throws Exception {
        ObjectNode vc = (ObjectNode) JSON.readTree(signed.document());
        ((ObjectNode) vc.get("credentialSubject")).put("dob", "1977-03-21");

        VerificationResult result = fixture.verifier().verify(vc.toString(), NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(Reasons.BAD_SIGNATURE);
        assertThat(result.certificateId()).isEqualTo("CH-2021-000042");
    }

    @Test
    void addingADefinedFieldIsABadSignature() throws Exception {
        ObjectNode vc = (ObjectNode) JSON.readTree(signed.document());
        ((ObjectNode) vc.get("credentialSubject").get("address")).put("streetAddress", "12 Main Road");

        assertThat(fixture.verifier().verify(vc.toString(), NOW).reason()).isEqualTo(Reasons.BAD_SIGNATURE);
    }

    @Test
    void aTermNoContextDefinesIsMalformedRatherThanLeftUnsigned() throws Exception {
        ObjectNode vc = (ObjectNode) JSON.readTree(signed.document());
        ((ObjectNode) vc.get("evidence").get(0)).put("comment", "booster not needed");

        assertThat(fixture.verifier().verify(vc.toString(), NOW).reason()).isEqualTo(Reasons.MALFORMED);
    }

    @Test
    void aTermNoContextDefinesIsRefused() throws Exception {
        // without the vaccination context (and its @vocab) the holder's fields are terms no context defines: JSON-LD
        // would leave them out of what the signature covers, while the answer showed them
        ObjectNode vc = (ObjectNode) JSON.readTree(signed.document());
        vc.putArray("@context").add(JsonLdContexts.CREDENTIALS_V1).add(JsonLdContexts.ED25519_2020_V1);

        assertThat(fixture.verifier().verify(vc.toString(), NOW).reason()).isEqualTo(Reasons.MALFORMED);
    }

    @Test
    void aBlankNodeBombIsRefusedQuicklyAsMalformed() throws Exception {
        ObjectNode vc = (ObjectNode) JSON.readTree(signed.document());
        vc.set("evidence", JSON.readTree(W3cVcFixture.blankNodeClique(12)));
        ObjectNode asIssuer = (ObjectNode) JSON.readTree(signed.document());
        ((ObjectNode) asIssuer.get("evidence").get(0)).put("id", "_:b0");

        long started = System.nanoTime();
        assertThat(fixture.verifier().verify(vc.toString(), NOW).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(fixture.verifier().verify(asIssuer.toString(), NOW).reason()).isEqualTo(Reasons.MALFORMED);
        // unbounded, canonicalising the twelve nodes costs minutes; refused, milliseconds (bounded loosely for a busy
        // machine)
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anEmbeddedContextIsRefused() throws Exception {
        ObjectNode vc = (ObjectNode) JSON.readTree(signed.document());
        ((ObjectNode) vc.get("credentialSubject")).putObject("@context").putNull("name");

        assertThat(fixture.verifier().verify(vc.toString(), NOW).reason()).isEqualTo(Reasons.MALFORMED);
    }

    @Test
    void anUnknownContextIsRefusedWithoutFetching() throws Exception {
        ObjectNode vc = (ObjectNode) JSON.readTree(signed.document());
        vc.withArray("@context").add("https://attacker.example/context.jsonld");

        assertThat(fixture.verifier().verify(vc.toString(), NOW).reason()).isEqualTo(Reasons.MALFORMED);
    }

    @Test
    void aKeyNobodyTrustsIsAnUnknownKey(@TempDir Path otherKeys) {
        W3cVcFixture other = W3cVcFixture.create(otherKeys);
        SignedCredential foreign = other.format().sign(TestCertificates.secondDose());

        VerificationResult result = fixture.verifier().verify(foreign.qrText(), NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(Reasons.UNKNOWN_KEY);
    }

    @Test
    void aTrustedKeyOfAnotherIssuerIsAnUnknownKey() {
        TrustedKeys claimsOtherIssuer = (purpose, kid) -> fixture
                .keys()
                .findByKid(purpose, kid)
                .map(k -> new org.certhub.signer.keys.TrustedKey(kid, k.publicKey(), "did:web:someone.else", null))
                .stream()
                .toList();
        W3cVcVerifier verifier = new W3cVcVerifier(claimsOtherIssuer, fixture.settings());

        assertThat(verifier.verify(signed.qrText(), NOW).reason()).isEqualTo(Reasons.UNKNOWN_KEY);
    }

    @Test
    void acceptsJsonLdButLeavesOtherFormatsToTheirVerifiers() {
        assertThat(fixture.verifier().accepts("  " + signed.qrText())).isTrue();
        assertThat(fixture.verifier().accepts("{\"verifiableCredential\":[\"eyJ6aXAiOiJERUYi\"]}"))
                .isFalse();
        assertThat(fixture.verifier().accepts("shc:/56762909524320603460292437404460"))
                .isFalse();
        assertThat(fixture.verifier().accepts("HC1:NCFOXN%TS3DH")).isFalse();
    }

    @Test
    void malformedInputIsMalformed() {
        assertThat(fixture.verifier().verify("{", NOW).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(fixture.verifier().verify("{}", NOW).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(fixture.verifier()
                        .verify("{\"a\":" + "1".repeat(W3cVcVerifier.MAX_LENGTH) + "}", NOW)
                        .reason())
                .isEqualTo(Reasons.MALFORMED);
        String deep = "{\"@context\":" + "[".repeat(8000) + "]".repeat(8000) + "}";
        assertThat(fixture.verifier().verify(deep, NOW).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(W3cVcVerifier.nestingDepth(signed.qrText())).isBetween(2, 5);
        assertThat(W3cVcVerifier.nestingDepth("{\"a\":\"[[[\\\"[[\"}")).isEqualTo(1);
        String noProof = signed.qrText().substring(0, signed.qrText().indexOf(",\"proof\"")) + "}";
        assertThat(fixture.verifier().verify(noProof, NOW).reason()).isEqualTo(Reasons.MALFORMED);
    }

    @Test
    void beforeItsIssuanceItIsNotYetValid() {
        VerificationResult result =
                fixture.verifier().verify(signed.qrText(), TestCertificates.ISSUED_AT.minusSeconds(3600));

        assertThat(result.reason()).isEqualTo(Reasons.NOT_YET_VALID);
    }

    @Test
    void oldCredentialsVerifyAfterRotationAndNewOnesCarryTheNewKid(@TempDir Path dir) {
        W3cVcFixture rotating = W3cVcFixture.create(dir);
        SignedCredential before = rotating.format().sign(TestCertificates.secondDose());

        KeyStoreSigningKeyProvider keys = rotating.keys();
        String newKid = keys.rotate(KeyPurpose.W3C_VC).kid();
        SignedCredential after = rotating.format().sign(TestCertificates.secondDose("CH-2021-000043"));

        assertThat(newKid).isNotEqualTo(before.keyId());
        assertThat(after.keyId()).isEqualTo(newKid);
        assertThat(after.document()).contains("#" + newKid + "\"");
        assertThat(rotating.verifier().verify(before.qrText(), NOW).valid()).isTrue();
        assertThat(rotating.verifier().verify(after.qrText(), NOW).valid()).isTrue();
    }

    @Test
    void qrPngReadsBackAsTheSignedText() {
        assertThat(signed.qrText().getBytes(StandardCharsets.UTF_8).length)
                .as(
                        "bytes, within the 2331 a version-40 QR code holds at error correction M, with room for longer names")
                .isLessThan(1900);
        byte[] png = QrCodes.png(signed.qrText(), ErrorCorrectionLevel.M, 1200);

        assertThat(QrCodes.read(png)).contains(signed.qrText());
        assertThat(fixture.verifier()
                        .verify(QrCodes.read(png).orElseThrow(), NOW)
                        .valid())
                .isTrue();
    }

    @Test
    void divocZipRoundTrips() {
        byte[] zipped = DivocQr.zip(signed.document());

        assertThat(zipped.length).isLessThan(signed.document().length());
        assertThat(DivocQr.unzip(zipped)).isEqualTo(signed.document());
    }

    @Test
    void signingIsDeterministicForTheSameCertificateAndKey() {
        assertThat(fixture.format().sign(TestCertificates.secondDose()).document())
                .isEqualTo(signed.document());
    }
}

package org.certhub.signer.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.TestCertificates;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.VerificationResult.Reasons;
import org.certhub.signer.keys.KeyIds;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.keys.TrustedKeys;
import org.certhub.testdata.VcInteropTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials made by DIVOC's own signing stack (jsonld-signatures 6 RsaSignature2018 and vc-js 0.6
 * Ed25519Signature2018, DIVOC's contexts: tools/vc-interop/sign-divoc-credentials.cjs), verified by certhub with
 * the issuer's public keys in its trust list.
 */
class DivocCredentialsTest {

    private static final Instant NOW = Instant.parse("2022-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode made;
    private static W3cVcVerifier verifier;

    @BeforeAll
    static void signWithDivocsLibraries() throws Exception {
        made = JSON.readTree(VcInteropTool.run("sign-divoc-credentials.cjs"));
        verifier = verifierTrusting(made.get("issuer").asText());
    }

    @Test
    void anRsaSignature2018CredentialVerifiesWithItsSubject() {
        JsonNode credential = made.get("rsa").get("credential");
        assertThat(credential.get("proof").get("jws").asText())
                .startsWith("eyJhbGciOiJQUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..");

        VerificationResult result = verifier.verify(credential.toString(), NOW);

        assertThat(result.valid()).as("reason %s", result.reason()).isTrue();
        assertThat(result.issuer()).isEqualTo("https://cowin.gov.in/");
        assertThat(result.keyId()).isEqualTo("did:india");
        assertThat(result.certificateId()).isEqualTo("244768056");
        assertThat(result.subject())
                .containsEntry("name", "Bhaya Mitra")
                .containsEntry("vaccine", "COVAXIN")
                .containsEntry("dose", 2);
    }

    @Test
    void anEd25519Signature2018CredentialVerifies() {
        VerificationResult result =
                verifier.verify(made.get("ed25519").get("credential").toString(), NOW);

        assertThat(result.valid()).as("reason %s", result.reason()).isTrue();
        assertThat(result.certificateId()).isEqualTo("244768057");
    }

    @Test
    void aChangedFieldIsABadSignatureInEitherSuite() {
        for (String suite : List.of("rsa", "ed25519")) {
            ObjectNode credential = made.get(suite).get("credential").deepCopy();
            ((ObjectNode) credential.get("evidence").get(0)).put("dose", 3);

            assertThat(verifier.verify(credential.toString(), NOW).reason())
                    .as(suite)
                    .isEqualTo(Reasons.BAD_SIGNATURE);
        }
    }

    @Test
    void theKeyOfAnotherIssuerIsAnUnknownKey() {
        VerificationResult result = verifierTrusting("https://divoc.dev/")
                .verify(made.get("rsa").get("credential").toString(), NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(Reasons.UNKNOWN_KEY);
    }

    @Test
    void aJwsWhosePayloadIsEncodedIsRefused() {
        ObjectNode credential = made.get("rsa").get("credential").deepCopy();
        String jws = credential.get("proof").get("jws").asText();
        String otherHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"PS256\"}".getBytes());
        ((ObjectNode) credential.get("proof")).put("jws", otherHeader + jws.substring(jws.indexOf('.')));

        assertThat(verifier.verify(credential.toString(), NOW).reason()).isEqualTo(Reasons.BAD_SIGNATURE);
    }

    @Test
    void theRsaFormForDivocVerifierAppsVerifiesInDivocsOwnStackAndInCerthub(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rsa = generator.generateKeyPair();
        SigningKey key = new SigningKey(
                KeyIds.w3cVc(rsa.getPublic()),
                KeyPurpose.W3C_VC,
                rsa.getPrivate(),
                rsa.getPublic(),
                List.of(),
                null,
                NOW,
                true);
        SigningKeyProvider keys = SigningKeyProvider.single(key);
        String namespace = "https://moh.example.gov/credentials/vaccination/v2";
        SignedCredential signed = W3cVcFormat.divocRsa(W3cVcFixture.defaultSettings(), keys, namespace)
                .sign(TestCertificates.secondDose());
        JsonNode credential = JSON.readTree(signed.document());
        assertThat(credential.get("@context").toString())
                .isEqualTo("[\"https://www.w3.org/2018/credentials/v1\",\"" + namespace + "\"]");
        assertThat(credential.get("proof").get("type").asText()).isEqualTo("RsaSignature2018");
        assertThat(credential.has("credentialStatus")).isFalse();

        Path file = dir.resolve("credential.json");
        Files.writeString(file, signed.document());
        Path pem = dir.resolve("public.pem");
        Files.writeString(
                pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(rsa.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        JsonNode divoc = JSON.readTree(
                VcInteropTool.run("verify-divoc-credential.cjs", file.toString(), pem.toString(), namespace));
        assertThat(divoc.get("verified").asBoolean())
                .as("DIVOC's jsonld-signatures 6: %s", divoc.get("errors"))
                .isTrue();

        TrustedKeys trusted = (purpose, kid) -> kid.equals(key.kid())
                ? List.of(new TrustedKey(kid, rsa.getPublic(), W3cVcFixture.ISSUER, null))
                : List.of();
        VerificationResult ours = new W3cVcVerifier(
                        trusted, W3cVcFixture.defaultSettings().contextUrl(), List.of(namespace), StatusListSource.NONE)
                .verify(signed.document(), NOW);
        assertThat(ours.valid()).as("reason %s", ours.reason()).isTrue();
    }

    /** The DIVOC issuer's two keys as a trust list would hold them: kid {@code did:india}, for {@code issuer}. */
    private static W3cVcVerifier verifierTrusting(String issuer) {
        try {
            PublicKey rsa = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                            .decode(made.get("rsa").get("publicKeyPem").asText().replaceAll("-----[A-Z ]+-----", ""))));
            PublicKey ed25519 = Ed25519Keys.publicKey(Multibase.decodeBase58Btc(
                    "z" + made.get("ed25519").get("publicKeyBase58").asText()));
            String kid = made.get("keyId").asText();
            Map<String, List<TrustedKey>> keys = Map.of(
                    kid, List.of(new TrustedKey(kid, rsa, issuer, null), new TrustedKey(kid, ed25519, issuer, null)));
            TrustedKeys trusted =
                    (purpose, id) -> purpose == KeyPurpose.W3C_VC ? keys.getOrDefault(id, List.of()) : List.of();
            return new W3cVcVerifier(trusted, W3cVcFixture.defaultSettings());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

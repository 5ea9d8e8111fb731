package org.certhub.signer.shc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.VerificationResult.Reasons;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.keys.TrustedKeys;
import org.certhub.testdata.SharedTestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SMART Health Cards specification's examples 00 and 01: every stage, and their published keys. */
class ShcSpecExamplesTest {

    private static final String ISSUER = "https://spec.smarthealth.cards/examples/issuer";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** After the examples' nbf; the key's X.509 chain (example 01) is not checked. */
    private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");

    private static final ShcVerifier.Settings SETTINGS =
            new ShcVerifier.Settings("https://certhub.example/certificate-id");

    private final ShcVerifier verifier = new ShcVerifier(publishedKeys(ISSUER), SETTINGS, ShcRevocations.NONE);

    @ParameterizedTest
    @ValueSource(strings = {"00", "01"})
    void everyStageDecodesToTheNext(String example) throws Exception {
        JsonNode bundle = JSON.readTree(read(example, "a-fhirBundle.json"));
        JsonNode expanded = JSON.readTree(read(example, "b-jws-payload-expanded.json"));
        String minified = read(example, "c-jws-payload-minified.json").strip();
        String jws = jws(example);
        JsonNode file = JSON.readTree(read(example, "e-file.smart-health-card"));
        String numeric = numeric(example);

        assertThat(expanded.at("/vc/credentialSubject/fhirBundle")).isEqualTo(bundle);
        assertThat(JSON.readTree(minified)).isEqualTo(expanded);
        byte[] inflated = RawDeflate.inflate(JWSObject.parse(jws).getPayload().toBytes(), ShcVerifier.MAX_BYTES);
        assertThat(new String(inflated, StandardCharsets.UTF_8)).isEqualTo(minified);
        assertThat(file.get("verifiableCredential")).hasSize(1);
        assertThat(file.at("/verifiableCredential/0").asText()).isEqualTo(jws);
        assertThat(ShcNumeric.decode(numeric)).isEqualTo(jws);
        assertThat(ShcNumeric.encode(jws)).isEqualTo(numeric);
        assertThat(ShcFormat.healthCardFile(List.of(jws))).isEqualTo(JSON.writeValueAsString(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01"})
    void theNumericQrAndTheJwsVerifyWithThePublishedKey(String example) throws IOException {
        String jws = jws(example);
        String numeric = numeric(example);

        VerificationResult fromQr = verifier.verify(numeric, AT);
        VerificationResult fromJws = verifier.verify(jws, AT);

        assertThat(fromQr.valid()).as(fromQr.reason()).isTrue();
        assertThat(fromJws).isEqualTo(fromQr);
        assertThat(fromQr.format()).isEqualTo("shc");
        assertThat(fromQr.issuer()).isEqualTo(ISSUER);
        assertThat(fromQr.keyId()).isEqualTo(kidOf(jws));
        assertThat(ShcFormat.thumbprintOf(publishedKeys(ISSUER)
                        .find(KeyPurpose.SHC, kidOf(jws))
                        .get(0)
                        .publicKey()))
                .as("our RFC 7638 thumbprint of the published key is its kid")
                .isEqualTo(kidOf(jws));
        assertThat(fromQr.certificateId())
                .as("the spec's cards carry no certhub id")
                .isNull();
        assertThat(fromQr.subject())
                .containsEntry("name", "John B. Anyperson")
                .containsEntry("birthDate", "1951-01-20");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> doses =
                (List<Map<String, Object>>) fromQr.subject().get("immunizations");
        assertThat(doses).hasSize(3);
        assertThat(doses.get(0))
                .containsEntry("vaccineSystem", "http://hl7.org/fhir/sid/cvx")
                .containsEntry("date", "2021-01-01")
                .containsEntry("performer", "ABC General Hospital")
                .containsKeys("vaccineCode", "lot");
        assertThat(verifier.accepts(numeric)).isTrue();
        assertThat(verifier.accepts(jws)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01"})
    void theFractionalNbfIsHonouredToTheMillisecond(String example) throws IOException {
        String jws = jws(example);
        JsonNode payload = JSON.readTree(read(example, "c-jws-payload-minified.json"));
        Instant nbf = Instant.ofEpochMilli(Math.round(payload.get("nbf").asDouble() * 1000));

        assertThat(verifier.verify(jws, nbf.minusMillis(1)).reason()).isEqualTo(Reasons.NOT_YET_VALID);
        assertThat(verifier.verify(jws, nbf).valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01"})
    void aTamperedByteOrAnUntrustedKeyIsInvalid(String example) throws IOException {
        String jws = jws(example);
        String numeric = numeric(example);
        int signatureStart = jws.lastIndexOf('.') + 1;
        int payloadMiddle = (jws.indexOf('.') + signatureStart) / 2;

        assertThat(verifier.verify(flip(jws, signatureStart + 3), AT).reason()).isEqualTo(Reasons.BAD_SIGNATURE);
        assertThat(verifier.verify(flip(jws, payloadMiddle), AT).valid()).isFalse();
        assertThat(verifier.verify(ShcNumeric.encode(flip(jws, signatureStart + 10)), AT)
                        .reason())
                .isEqualTo(Reasons.BAD_SIGNATURE);
        assertThat(verifier.verify(numeric.substring(0, numeric.length() - 1), AT)
                        .reason())
                .isEqualTo(Reasons.MALFORMED);
        assertThat(new ShcVerifier((purpose, kid) -> List.of(), SETTINGS, ShcRevocations.NONE)
                        .verify(jws, AT)
                        .reason())
                .isEqualTo(Reasons.UNKNOWN_KEY);
        assertThat(new ShcVerifier(publishedKeys("https://other.example/issuer"), SETTINGS, ShcRevocations.NONE)
                        .verify(jws, AT)
                        .reason())
                .as("a key published by another issuer")
                .isEqualTo(Reasons.UNKNOWN_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00"}) // example 01 has no rid
    void aCardWhoseRevocationIdIsOnItsKeysListIsRevoked(String example) throws Exception {
        String jws = jws(example);
        String kid = JWSObject.parse(jws).getHeader().getKeyID();
        String rid = JSON.readTree(read(example, "b-jws-payload-expanded.json"))
                .at("/vc/rid")
                .asText();

        ShcVerifier withList = new ShcVerifier(
                publishedKeys(ISSUER), SETTINGS, (listKid, listed) -> listKid.equals(kid) && listed.equals(rid));

        assertThat(rid).isNotBlank();
        assertThat(withList.verify(jws, AT).reason()).isEqualTo(Reasons.REVOKED);
        assertThat(verifier.verify(jws, AT).valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01"})
    void legacyChunksVerifyTogetherInAnyOrder(String example) throws IOException {
        String digits = numeric(example).substring(ShcNumeric.PREFIX.length());
        int half = digits.length() / 2;
        String first = "shc:/1/2/" + digits.substring(0, half);
        String second = "shc:/2/2/" + digits.substring(half);

        assertThat(verifier.verifyChunks(List.of(second, first), AT).valid()).isTrue();
        assertThat(verifier.verifyChunks(List.of(first), AT).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(verifier.verifyChunks(List.of(first, first), AT).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(verifier.verify(first, AT).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(verifier.accepts(first)).isTrue();
    }

    private static String kidOf(String jws) {
        try {
            return JWSObject.parse(jws).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the base64url character at {@code index} with one whose top bit differs: the bytes change. */
    static String flip(String jws, int index) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char c = jws.charAt(index);
        char replacement = c == '.' ? 'A' : alphabet.charAt((alphabet.indexOf(c) + 32) % 64);
        return jws.substring(0, index) + replacement + jws.substring(index + 1);
    }

    private static String jws(String example) throws IOException {
        return read(example, "d-jws.txt").strip();
    }

    private static String numeric(String example) throws IOException {
        return read(example, "f-qr-code-numeric-value-0.txt").strip();
    }

    private static String read(String example, String stage) throws IOException {
        Path folder = SharedTestData.require("smart-health-cards");
        return Files.readString(folder.resolve("example-" + example + "-" + stage), StandardCharsets.UTF_8);
    }

    /** The keys in the examples' {@code issuer/.well-known/jwks.json}, trusted as published by {@code issuer}. */
    private static TrustedKeys publishedKeys(String issuer) {
        try {
            Path jwks = SharedTestData.require("smart-health-cards").resolve("issuer/.well-known/jwks.json");
            List<TrustedKey> keys = JWKSet.parse(Files.readString(jwks)).getKeys().stream()
                    .map(JWK::toECKey)
                    .map(key -> new TrustedKey(key.getKeyID(), toPublicKey(key), issuer, null))
                    .toList();
            return (purpose, kid) -> purpose == KeyPurpose.SHC
                    ? keys.stream().filter(k -> k.kid().equals(kid)).toList()
                    : List.of();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.interfaces.ECPublicKey toPublicKey(ECKey key) {
        try {
            return key.toECPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.certhub.signer.shc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Security;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.Gender;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.VerificationResult.Reasons;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.qr.QrCodes;
import org.junit.jupiter.api.Test;

/** Cards signed by certhub verify with certhub, and stop verifying when anything in them changes. */
class ShcRoundTripTest {

    private static final String ISSUER = "https://certhub.example/shc";
    private static final String ID_SYSTEM = "https://certhub.example/certificate-id";
    private static final Instant ISSUED = Instant.parse("2021-07-01T09:30:00Z");
    private static final Code COVID19 = Code.of("http://snomed.info/sct", "840539006");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShcTestKeys keys = ShcTestKeys.generate(ISSUER, null);
    private final ShcFormat format = new ShcFormat(new ShcFormat.Settings(ISSUER), keys, ShcRoundTripTest::bundle);
    /** kid + "/" + rid of the revoked cards. */
    private final Set<String> revoked = new HashSet<>();

    private final ShcVerifier verifier =
            new ShcVerifier(keys, new ShcVerifier.Settings(ID_SYSTEM), (kid, rid) -> revoked.contains(kid + "/" + rid));

    @Test
    void aSignedCardVerifiesWithItsSubject() throws Exception {
        SignedCredential card = format.sign(certificate("CERT-42", COVID19));

        VerificationResult result = verifier.verify(card.qrText(), ISSUED.plusSeconds(60));

        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.issuer()).isEqualTo(ISSUER);
        assertThat(result.certificateId())
                .as("the card names no certificate: vc.rid stands for it")
                .isNull();
        assertThat(result.keyId())
                .isEqualTo(card.keyId())
                .isEqualTo(keys.active().kid());
        assertThat(result.subject()).containsEntry("name", "Asha Rao").containsEntry("birthDate", "1990-04-12");
        assertThat(result.subject().get("immunizations"))
                .isEqualTo(List.of(Map.of(
                        "vaccineSystem",
                        "http://hl7.org/fhir/sid/cvx",
                        "vaccineCode",
                        "208",
                        "date",
                        "2021-06-30",
                        "lot",
                        "EW0182",
                        "performer",
                        "City Hospital")));
        assertThat(verifier.verify(card.document(), ISSUED)).isEqualTo(result);
        assertThat(card.format()).isEqualTo("shc");
        assertThat(card.mediaType()).isEqualTo(ShcFormat.JWS_MEDIA_TYPE);
        assertThat(card.qrText()).startsWith("shc:/").matches("shc:/\\d+");
    }

    @Test
    void theJwsIsShapedAsTheSpecificationAsks() throws Exception {
        SignedCredential card = format.sign(certificate("CERT-43", COVID19));
        JWSObject jws = JWSObject.parse(card.document());

        JsonNode header = JSON.readTree(jws.getHeader().toBase64URL().decode());
        JsonNode payload = JSON.readTree(RawDeflate.inflate(jws.getPayload().toBytes(), ShcVerifier.MAX_BYTES));

        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        assertThat(header.get("zip").asText()).isEqualTo("DEF");
        assertThat(header.get("kid").asText())
                .isEqualTo(ShcFormat.thumbprintOf(keys.active().publicKey()));
        assertThat(header.size()).isEqualTo(3);
        assertThat(payload.get("iss").asText()).isEqualTo(ISSUER);
        assertThat(payload.get("nbf").asLong()).isEqualTo(ISSUED.getEpochSecond());
        assertThat(payload.at("/vc/type"))
                .extracting(JsonNode::asText)
                .as("1.4 deprecated #immunization and #covid19")
                .containsExactly("https://smarthealth.cards#health-card");
        assertThat(payload.at("/vc/credentialSubject/fhirVersion").asText()).isEqualTo("4.0.1");
        assertThat(payload.at("/vc/credentialSubject/fhirBundle")).isEqualTo(JSON.readTree(bundleJson("EW0182")));
        assertThat(payload.at("/vc/rid").asText())
                .matches("[A-Za-z0-9_-]{11}")
                .isEqualTo(ShcFormat.revocationId(card.keyId(), "CERT-43"))
                .isNotEqualTo(ShcFormat.revocationId(card.keyId(), "CERT-44"));
        assertThat(card.document().length()).isLessThanOrEqualTo(ShcFormat.MAX_SINGLE_QR_JWS_LENGTH);
    }

    @Test
    void aCardWhoseRevocationIdIsListedFailsAsRevokedAndOthersStillVerify() {
        SignedCredential withdrawn = format.sign(certificate("CERT-44", COVID19));
        SignedCredential kept = format.sign(certificate("CERT-53", COVID19));

        revoked.add(withdrawn.keyId() + "/" + ShcFormat.revocationId(withdrawn.keyId(), "CERT-44"));

        assertThat(verifier.verify(withdrawn.qrText(), ISSUED).reason()).isEqualTo(Reasons.REVOKED);
        assertThat(verifier.verify(kept.qrText(), ISSUED).valid()).isTrue();
    }

    @Test
    void theRevocationListHasTheSpecificationsShape() throws Exception {
        JsonNode crl = JSON.readTree(new ShcRevocationList("k1", 3, List.of("AQPCj4wwk6M", "lHKzqFUMjhs")).json());

        assertThat(crl.get("kid").asText()).isEqualTo("k1");
        assertThat(crl.get("method").asText()).isEqualTo("rid");
        assertThat(crl.get("ctr").isIntegralNumber()).isTrue();
        assertThat(crl.get("ctr").asLong()).isEqualTo(3);
        assertThat(crl.get("rids")).extracting(JsonNode::asText).containsExactly("AQPCj4wwk6M", "lHKzqFUMjhs");
        assertThat(JSON.readTree(new ShcRevocationList("k1", 1, List.of()).json())
                        .get("rids"))
                .isEmpty();
        assertThatThrownBy(() -> new ShcRevocationList("k1", 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesOutTheOldestDosesUntilTheCardFitsOneQrCode() throws Exception {
        // each dose carries a 150-character random lot: all 8 cannot fit in 1195 JWS characters
        Random random = new Random(3);
        List<String> lots = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lots.add(randomText(random, 150).replace(".", "x"));
        }
        List<Integer> asked = new ArrayList<>();
        ShcFormat manyDoses = new ShcFormat(new ShcFormat.Settings(ISSUER), keys, (certificate, maxDoses) -> {
            asked.add(maxDoses);
            return bundleJson(lots.subList(Math.max(0, lots.size() - maxDoses), lots.size())
                    .toArray(String[]::new));
        });

        SignedCredential card = manyDoses.sign(certificate("CERT-54", COVID19));

        JsonNode bundle = JSON.readTree(RawDeflate.inflate(
                        JWSObject.parse(card.document()).getPayload().toBytes(), ShcVerifier.MAX_BYTES))
                .at("/vc/credentialSubject/fhirBundle");
        int kept = bundle.get("entry").size() - 1;
        assertThat(card.document().length()).isLessThanOrEqualTo(ShcFormat.MAX_SINGLE_QR_JWS_LENGTH);
        assertThat(kept).isBetween(1, 7);
        assertThat(bundle.at("/entry/" + kept + "/resource/lotNumber").asText()).isEqualTo(lots.get(7));
        assertThat(asked).startsWith(Integer.MAX_VALUE, 7).endsWith(kept);
        assertThat(verifier.verify(card.qrText(), ISSUED).valid()).isTrue();
    }

    @Test
    void everyChangedCharacterOfTheJwsAndChangedDigitsOfTheQrMakeTheCardInvalid() {
        SignedCredential card = format.sign(certificate("CERT-45", COVID19));
        Instant at = ISSUED.plusSeconds(60);

        List<Integer> acceptedJws = new ArrayList<>();
        for (int i = 0; i < card.document().length(); i++) {
            if (verifier.verify(ShcSpecExamplesTest.flip(card.document(), i), at)
                    .valid()) {
                acceptedJws.add(i);
            }
        }
        List<Integer> acceptedQr = new ArrayList<>();
        String qr = card.qrText();
        for (int i = ShcNumeric.PREFIX.length(); i < qr.length(); i += i < qr.length() - 8 ? 7 : 1) {
            char changed = (char) ('0' + (qr.charAt(i) - '0' + 5) % 10);
            if (verifier.verify(qr.substring(0, i) + changed + qr.substring(i + 1), at)
                    .valid()) {
                acceptedQr.add(i);
            }
        }

        assertThat(acceptedJws).isEmpty();
        assertThat(acceptedQr).isEmpty();
        assertThat(verifier.verify(card.qrText(), at).valid()).isTrue();
    }

    @Test
    void aPartnersKeySigningACardFromThisHubIsNotTrusted() {
        ShcTestKeys partner = ShcTestKeys.generate("https://partner.example/shc", null);
        SignedCredential forged = new ShcFormat(new ShcFormat.Settings(ISSUER), partner, ShcRoundTripTest::bundle)
                .sign(certificate("CERT-43", COVID19));
        ShcVerifier trustingBoth = new ShcVerifier(
                (purpose, kid) -> java.util.stream.Stream.concat(
                                keys.find(purpose, kid).stream(), partner.find(purpose, kid).stream())
                        .toList(),
                new ShcVerifier.Settings(ID_SYSTEM),
                (kid, rid) -> false);

        VerificationResult result = trustingBoth.verify(forged.qrText(), ISSUED.plusSeconds(60));

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(Reasons.UNKNOWN_KEY);
        ShcVerifier trustingAnUnboundKey = new ShcVerifier(
                (purpose, kid) -> partner.find(purpose, kid).stream()
                        .map(k -> new org.certhub.signer.keys.TrustedKey(k.kid(), k.publicKey(), null, null))
                        .toList(),
                new ShcVerifier.Settings(ID_SYSTEM),
                (kid, rid) -> false);
        assertThat(trustingAnUnboundKey
                        .verify(forged.qrText(), ISSUED.plusSeconds(60))
                        .reason())
                .as("a key bound to no issuer vouches for none")
                .isEqualTo(Reasons.UNKNOWN_KEY);
    }

    @Test
    void checksTheValidityWindow() throws Exception {
        SignedCredential card = format.sign(certificate("CERT-46", COVID19));
        long nbf = ISSUED.getEpochSecond();
        String expiring = signedPayload(
                keys.active(),
                "{\"iss\":\"" + ISSUER + "\",\"nbf\":" + nbf + ",\"exp\":"
                        + (nbf + 3600) + ",\"vc\":{\"type\":[\"https://smarthealth.cards#health-card\"],"
                        + "\"credentialSubject\":{\"fhirVersion\":\"4.0.1\",\"fhirBundle\":" + bundleJson("EW0182")
                        + "}}}");

        assertThat(verifier.verify(card.qrText(), ISSUED.minusSeconds(1)).reason())
                .isEqualTo(Reasons.NOT_YET_VALID);
        assertThat(verifier.verify(expiring, ISSUED.plusSeconds(3599)).valid()).isTrue();
        assertThat(verifier.verify(expiring, ISSUED.plusSeconds(3600)).reason()).isEqualTo(Reasons.EXPIRED);
    }

    @Test
    void aValidityBeyondAnyDoubleIsMalformed() {
        String infinite = signedPayload(
                keys.active(),
                "{\"iss\":\"" + ISSUER
                        + "\",\"nbf\":1e999,\"vc\":{\"type\":[\"https://smarthealth.cards#health-card\"],"
                        + "\"credentialSubject\":{\"fhirVersion\":\"4.0.1\",\"fhirBundle\":" + bundleJson("EW0182")
                        + "}}}");

        assertThat(verifier.verify(infinite, ISSUED).reason()).isEqualTo(Reasons.MALFORMED);
    }

    @Test
    void refusesWhatIsNotACard() {
        Instant at = ISSUED;
        String notDeflated = signedPayload(keys.active(), null);

        assertThat(verifier.verify("shc:/", at).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(verifier.verify("shc:/123", at).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(verifier.verify("shc:/99", at).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(verifier.verify("a.b.c", at).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(verifier.verify(notDeflated, at).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(verifier.verify(null, at).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(verifier.verifyChunks(List.of(), at).reason()).isEqualTo(Reasons.MALFORMED);
        assertThat(verifier.accepts("HC1:6BFOXN*TS0BI$ZD")).isFalse();
        assertThat(verifier.accepts("eyJhbGciOiJFZERTQSJ9..c2ln")).isFalse();
        assertThat(verifier.accepts(null)).isFalse();
    }

    @Test
    void neverThrowsOnCutOrGarbledCards() {
        String jws = format.sign(certificate("CERT-52", COVID19)).document();
        Random random = new Random(42);
        List<VerificationResult> results = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int from = random.nextInt(jws.length());
            int to = from + random.nextInt(jws.length() - from);
            String garbled = jws.substring(0, from) + randomText(random, random.nextInt(8)) + jws.substring(to);
            if (!garbled.equals(jws)) {
                results.add(verifier.verify(garbled, ISSUED));
            }
            results.add(verifier.verify("shc:/" + randomDigits(random, 2 * random.nextInt(40)), ISSUED));
            results.add(verifier.verifyChunks(
                    List.of(
                            "shc:/1/2/" + randomDigits(random, 8),
                            "shc:/2/2/" + randomDigits(random, 2 * random.nextInt(6) + 1)),
                    ISSUED));
        }

        assertThat(results)
                .noneMatch(VerificationResult::valid)
                .allSatisfy(r -> assertThat(r.reason()).isNotNull());
    }

    private static String randomText(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String randomDigits(Random random, int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    @Test
    void theHealthCardFileCarriesTheJws() throws Exception {
        SignedCredential card = format.sign(certificate("CERT-47", COVID19));

        JsonNode file = JSON.readTree(ShcFormat.healthCardFile(card));

        assertThat(file.at("/verifiableCredential/0").asText()).isEqualTo(card.document());
        assertThat(verifier.verify(file.at("/verifiableCredential/0").asText(), ISSUED)
                        .valid())
                .isTrue();
    }

    @Test
    void theQrImageReadsBackAtVersion22OrBelow() {
        SignedCredential card = format.sign(certificate("CERT-48", COVID19));
        String longest = ShcNumeric.encode("A".repeat(ShcFormat.MAX_SINGLE_QR_JWS_LENGTH));

        byte[] png = ShcQrCode.png(card.qrText(), 800);

        assertThat(QrCodes.read(png)).contains(card.qrText());
        assertThat(ShcQrCode.version(card.qrText())).isLessThanOrEqualTo(22);
        assertThat(ShcQrCode.version(longest)).isEqualTo(22);
        assertThat(verifier.verify(QrCodes.read(png).orElseThrow(), ISSUED).valid())
                .isTrue();
    }

    @Test
    void signsThroughTheKeysOwnProvider() {
        ShcTestKeys providerKeys = ShcTestKeys.generate(ISSUER, Security.getProvider("SunEC"));
        ShcFormat viaProvider = new ShcFormat(new ShcFormat.Settings(ISSUER), providerKeys, ShcRoundTripTest::bundle);

        SignedCredential card = viaProvider.sign(certificate("CERT-49", COVID19));

        assertThat(new ShcVerifier(providerKeys, new ShcVerifier.Settings(ID_SYSTEM), ShcRevocations.NONE)
                        .verify(card.qrText(), ISSUED)
                        .valid())
                .isTrue();
    }

    @Test
    void aCardIssuedBeforeRevocationIdsStillNamesItsCertificateForTheRevocationCheck() {
        String legacy = signedPayload(
                keys.active(),
                "{\"iss\":\"" + ISSUER + "\",\"nbf\":" + ISSUED.getEpochSecond()
                        + ",\"vc\":{\"type\":[\"https://smarthealth.cards#health-card\"],\"credentialSubject\":"
                        + "{\"fhirVersion\":\"4.0.1\",\"fhirBundle\":"
                        + bundleJson("EW0182")
                                .replace(
                                        "\"status\"",
                                        "\"identifier\":[{\"system\":\"" + ID_SYSTEM
                                                + "\",\"value\":\"CERT-55\"}],\"status\"")
                        + "}}}");

        VerificationResult result = verifier.verify(legacy, ISSUED);

        assertThat(result.valid()).isTrue();
        assertThat(result.certificateId()).isEqualTo("CERT-55");
    }

    @Test
    void refusesKeysAndCardsTheSpecificationDoesNot() {
        KeyPair p384 = ShcTestKeys.keyPair("secp384r1");
        SigningKey wrongCurve = new SigningKey(
                "p384", KeyPurpose.SHC, p384.getPrivate(), p384.getPublic(), List.of(), null, ISSUED, true);
        ShcTestKeys wrongCurveKeys = ShcTestKeys.of(wrongCurve, ISSUER);
        byte[] noise = new byte[3000];
        new Random(7).nextBytes(noise);
        String huge = bundleJson(Base64.getEncoder().encodeToString(noise));

        assertThatThrownBy(() -> new ShcFormat(new ShcFormat.Settings(ISSUER), wrongCurveKeys, ShcRoundTripTest::bundle)
                        .sign(certificate("CERT-50", COVID19)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("P-256");
        assertThatThrownBy(() -> new ShcFormat(new ShcFormat.Settings(ISSUER), keys, (c, maxDoses) -> huge)
                        .sign(certificate("CERT-51", COVID19)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("single-QR limit");
        assertThatThrownBy(() -> new ShcFormat.Settings("https://certhub.example/shc/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShcFormat.Settings("http://certhub.example/shc"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ShcFormat.Settings(ISSUER).jwksUrl()).isEqualTo(ISSUER + "/.well-known/jwks.json");
        assertThat(new ShcFormat.Settings(ISSUER).crlUrl("k1")).isEqualTo(ISSUER + "/.well-known/crl/k1.json");
    }

    /** A bundle as fhir-mapping's ShcBundleWriter writes it. */
    private static String bundle(Certificate certificate, int maxDoses) {
        return bundleJson("EW0182");
    }

    /** Asha Rao's doses of CVX 208, one per lot. */
    private static String bundleJson(String... lots) {
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"fullUrl\":\"resource:0\",\"resource\":{\"resourceType\":\"Patient\",\"name\":[{\"family\":"
                + "\"Rao\",\"given\":[\"Asha\"]}],\"birthDate\":\"1990-04-12\"}}");
        for (int i = 0; i < lots.length; i++) {
            json.append(",{\"fullUrl\":\"resource:")
                    .append(i + 1)
                    .append("\",\"resource\":{\"resourceType\":"
                            + "\"Immunization\",\"status\":\"completed\",\"vaccineCode\":{\"coding\":[{\"system\":"
                            + "\"http://hl7.org/fhir/sid/cvx\",\"code\":\"208\"}]},\"patient\":{\"reference\":\"resource:0\"},"
                            + "\"occurrenceDateTime\":\"2021-06-30\",\"performer\":[{\"actor\":{\"display\":\"City Hospital\"}}],"
                            + "\"lotNumber\":\"")
                    .append(lots[i])
                    .append("\"}}");
        }
        return json.append("]}").toString();
    }

    private static Certificate certificate(String id, Code disease) {
        Recipient recipient = new Recipient(
                new PersonName(List.of("Asha"), "Rao", null),
                new PartialDate("1990-04-12"),
                Gender.FEMALE,
                List.of(),
                List.of(),
                null,
                "IN");
        Vaccination vaccination = new Vaccination(
                Code.of("http://hl7.org/fhir/sid/cvx", "208"),
                null,
                null,
                disease,
                "EW0182",
                LocalDate.parse("2021-06-30"),
                1,
                2,
                "IN",
                null);
        VaccinationEvent event = new VaccinationEvent("test", id, null, "covid-19", recipient, vaccination, null, null);
        return new Certificate(id, 1, null, "event-" + id, event, ISSUED);
    }

    /** A JWS signed with the key over this payload, raw-DEFLATEd unless {@code payloadJson} is null. */
    private static String signedPayload(SigningKey key, String payloadJson) {
        try {
            byte[] body = payloadJson == null
                    ? "{\"iss\":\"x\"}".getBytes(StandardCharsets.UTF_8)
                    : RawDeflate.deflate(payloadJson.getBytes(StandardCharsets.UTF_8));
            JWSObject jws = new JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(key.kid())
                            .customParam("zip", "DEF")
                            .build(),
                    new Payload(body));
            jws.sign(new ECDSASigner((ECPrivateKey) key.privateKey()));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.certhub.signer.hcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.SkipReason;
import org.certhub.signer.UnsupportedRecordException;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.VerificationResult.Reasons;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.qr.QrCodes;
import org.certhub.testdata.SharedTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EuDccRoundTripTest {

    private static final Instant ISSUED = Instant.parse("2025-06-01T10:00:00Z");
    private static final Instant NEXT_DAY = ISSUED.plus(Duration.ofDays(1));
    private static final EuDccSettings SETTINGS = EuDccSettings.of("XX", "certhub test issuer", "CERTHUB");

    private static KeyPair p256;
    private static X509Certificate dsc;
    private static Dscs.Fixed keys;

    @BeforeAll
    static void generateKeys() throws Exception {
        p256 = Dscs.p256();
        dsc = Dscs.certificate(p256, DocumentSigners.VACCINATION_OID);
        keys = new Dscs.Fixed(Dscs.signingKey(p256, dsc, null));
    }

    static Certificate certificate(Vaccination vaccination) {
        Recipient recipient = new Recipient(
                new PersonName(List.of("Jiřina-Maria", "Alena"), "d'Červenková Panklová", null),
                new PartialDate("1964-08"),
                null,
                List.of(),
                List.of(),
                null,
                null);
        VaccinationEvent event =
                new VaccinationEvent("test", "rec-1", null, "covid-19", recipient, vaccination, null, null);
        return new Certificate("CERT-0001", 1, null, "event-1", event, ISSUED);
    }

    static Vaccination comirnaty() {
        return new Vaccination(
                Code.of("http://snomed.info/sct", "1119349007"),
                Code.of("https://ec.europa.eu/health/documents/community-register/html/", "EU/1/20/1528"),
                Code.of("https://spor.ema.europa.eu/v1/organisations", "ORG-100030215"),
                Code.of("http://snomed.info/sct", "840539006"),
                "FK1234",
                LocalDate.of(2025, 5, 20),
                2,
                2,
                null,
                null);
    }

    private static SignedCredential sign(Dscs.Fixed provider, EuDccSettings settings) {
        return new EuDccFormat(settings, provider).sign(certificate(comirnaty()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void signedCertificateVerifiesWithItsSubjectAndUvci() {
        SignedCredential credential = sign(keys, SETTINGS);

        VerificationResult result = new EuDccVerifier(keys).verify(credential.qrText(), NEXT_DAY);

        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(credential.format()).isEqualTo("eu-dcc");
        assertThat(credential.qrText()).startsWith("HC1:").isEqualTo(credential.document());
        assertThat(result.keyId()).isEqualTo(credential.keyId()).isEqualTo(DocumentSigners.kidBase64(dsc));
        assertThat(result.certificateId()).isEqualTo(Uvci.of("XX", "CERTHUB", "CERT-0001"));
        assertThat(Uvci.hasValidCheckCharacter(result.certificateId())).isTrue();
        assertThat(result.subject()).containsKeys("nam", "dob", "v");
        assertThat(result.subject().get("dob")).isEqualTo("1964-08");
        assertThat((Map<Object, Object>) result.subject().get("nam"))
                .containsEntry("fnt", "DCERVENKOVA<PANKLOVA")
                .containsEntry("gnt", "JIRINA<MARIA<ALENA")
                .containsEntry("fn", "d'Červenková Panklová");
        assertThat((Map<Object, Object>) ((List<?>) result.subject().get("v")).get(0))
                .containsEntry("tg", "840539006")
                .containsEntry("vp", "1119349007")
                .containsEntry("mp", "EU/1/20/1528")
                .containsEntry("ma", "ORG-100030215")
                .containsEntry("dn", 2)
                .containsEntry("sd", 2)
                .containsEntry("dt", "2025-05-20")
                .containsEntry("co", "XX")
                .containsEntry("is", "certhub test issuer");
    }

    @Test
    void coseCarriesAlgKidAndARawEs256SignatureOverCwtClaims() throws Exception {
        HcertCodec.Decoded decoded = HcertCodec.decode(sign(keys, SETTINGS).qrText());

        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(dsc.getEncoded());
        assertThat(decoded.cose().kid())
                .hasValueSatisfying(kid -> assertThat(kid).isEqualTo(Arrays.copyOf(sha256, 8)));
        assertThat(decoded.cose().algorithmId()).contains(-7L);
        assertThat(decoded.cose().signature()).hasSize(64);
        assertThat(decoded.payload().issuer()).isEqualTo("XX");
        assertThat(decoded.payload().issuedAt()).isEqualTo(ISSUED);
        assertThat(decoded.payload().expiresAt()).isEqualTo(ISSUED.plus(Duration.ofDays(365)));
        assertThat(decoded.payload().dcc().path("ver").textValue()).isEqualTo("1.3.0");
    }

    @Test
    void everyChangedCharacterOfTheQrTextInvalidatesIt() {
        String text = sign(keys, SETTINGS).qrText();
        EuDccVerifier verifier = new EuDccVerifier(keys);
        for (int i = 0; i < text.length(); i++) {
            char replacement = text.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = text.substring(0, i) + replacement + text.substring(i + 1);
            assertThat(verifier.verify(tampered, NEXT_DAY).valid())
                    .as("changed character %d", i)
                    .isFalse();
        }
    }

    @Test
    void aChangedSignedByteIsABadSignature() {
        HcertCodec.Decoded decoded = HcertCodec.decode(sign(keys, SETTINGS).qrText());
        byte[] payload = decoded.cose().payload();
        byte[] signature = decoded.cose().signature();
        byte[] protectedHeader = CoseSign1.protectedHeader(
                CoseAlgorithm.ES256, decoded.cose().kid().orElseThrow());
        signature[10] ^= 0x01;
        String tampered = HcertCodec.encode(CoseSign1.encode(protectedHeader, payload, signature));

        assertThat(new EuDccVerifier(keys).verify(tampered, NEXT_DAY).reason()).isEqualTo(Reasons.BAD_SIGNATURE);
    }

    @Test
    void isExpiredAfterItsValidityAndNotYetValidBeforeIssue() {
        String text = sign(keys, SETTINGS).qrText();
        EuDccVerifier verifier = new EuDccVerifier(keys);

        VerificationResult late = verifier.verify(text, ISSUED.plus(Duration.ofDays(366)));
        assertThat(late.valid()).isFalse();
        assertThat(late.reason()).isEqualTo(Reasons.EXPIRED);
        assertThat(late.certificateId()).isNotNull();
        assertThat(verifier.verify(text, ISSUED.minusSeconds(60)).reason()).isEqualTo(Reasons.NOT_YET_VALID);
    }

    @Test
    void expiryIsCappedAtTheDocumentSignersOwnExpiry() {
        SignedCredential credential =
                sign(keys, new EuDccSettings("XX", "certhub test issuer", Duration.ofDays(5000), "CERTHUB", null));

        assertThat(HcertCodec.decode(credential.qrText()).payload().expiresAt())
                .isEqualTo(dsc.getNotAfter().toInstant());
    }

    @Test
    void anUntrustedSignerIsAnUnknownKey() {
        String text = sign(keys, SETTINGS).qrText();

        VerificationResult result = new EuDccVerifier((purpose, kid) -> List.of()).verify(text, NEXT_DAY);

        assertThat(result.reason()).isEqualTo(Reasons.UNKNOWN_KEY);
    }

    @Test
    void aDscForTestsOnlyMayNotSignAVaccination() throws Exception {
        KeyPair other = Dscs.p256();
        X509Certificate testsOnly = Dscs.certificate(other, "1.3.6.1.4.1.1847.2021.1.1");
        Dscs.Fixed provider = new Dscs.Fixed(Dscs.signingKey(other, testsOnly, null));

        VerificationResult result =
                new EuDccVerifier(provider).verify(sign(provider, SETTINGS).qrText(), NEXT_DAY);

        assertThat(result.reason()).isEqualTo(Reasons.KEY_USAGE);
    }

    @Test
    void aDscWithoutEuDccKeyUsageMaySignAnyType() throws Exception {
        KeyPair other = Dscs.p256();
        Dscs.Fixed provider = new Dscs.Fixed(Dscs.signingKey(other, Dscs.certificate(other), null));

        assertThat(new EuDccVerifier(provider)
                        .verify(sign(provider, SETTINGS).qrText(), NEXT_DAY)
                        .valid())
                .isTrue();
    }

    @Test
    void signsPs256WithAnRsaKeyThroughTheKeysOwnProvider() throws Exception {
        KeyPair rsa = Dscs.rsa();
        Dscs.Fixed provider = new Dscs.Fixed(Dscs.signingKey(rsa, Dscs.certificate(rsa), new BouncyCastleProvider()));
        EuDccSettings ps256 =
                new EuDccSettings("XX", "certhub test issuer", Duration.ofDays(365), "CERTHUB", CoseAlgorithm.PS256);

        String text = sign(provider, ps256).qrText();

        assertThat(HcertCodec.decode(text).cose().algorithmId()).contains(-37L);
        assertThat(new EuDccVerifier(provider).verify(text, NEXT_DAY).valid()).isTrue();
        assertThat(new EuDccVerifier(keys).verify(text, NEXT_DAY).reason()).isEqualTo(Reasons.UNKNOWN_KEY);
    }

    @Test
    void refusesAnAlgorithmTheKeyCannotMake() {
        EuDccSettings ps256 =
                new EuDccSettings("XX", "certhub test issuer", Duration.ofDays(365), "CERTHUB", CoseAlgorithm.PS256);

        assertThatThrownBy(() -> sign(keys, ps256))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PS256");
    }

    @Test
    void qrCodeAtLevelQReadsBackToTheSameText() {
        String text = sign(keys, SETTINGS).qrText();

        byte[] png = QrCodes.png(text, EuDccFormat.QR_ERROR_CORRECTION, 500);

        assertThat(QrCodes.read(png)).contains(text);
    }

    @Test
    void generatedDccFollowsTheEuSchema() {
        DccSchema schema = DccSchema.load(SharedTestData.require("eu-dcc-schema"));
        String text = sign(keys, SETTINGS).qrText();

        assertThat(schema.validate(HcertCodec.decode(text).payload().dcc())).isEmpty();
        assertThat(new EuDccVerifier(keys, schema).verify(text, NEXT_DAY).valid())
                .isTrue();
    }

    @Test
    void schemaViolationsAreMalformed() {
        DccSchema schema = DccSchema.load(SharedTestData.require("eu-dcc-schema"));
        JsonNode dcc =
                HcertCodec.decode(sign(keys, SETTINGS).qrText()).payload().dcc().deepCopy();
        ((ObjectNode) dcc.get("v").get(0)).put("dn", 0);
        ((ObjectNode) dcc.get("nam")).put("fnt", "lower case");

        assertThat(schema.validate(dcc)).containsExactlyInAnyOrder("$.v[0].dn: minimum", "$.nam.fnt: pattern");
        HcertPayload payload = new HcertPayload("XX", ISSUED, NEXT_DAY, dcc);
        assertThatThrownBy(() -> new EuDccVerifier(keys, schema).checkSchema(payload))
                .isInstanceOfSatisfying(
                        HcertException.class,
                        e -> assertThat(e.stage().reason()).isEqualTo(Reasons.MALFORMED));
    }

    @Test
    void failsClearlyWhenACodeTheSchemaRequiresIsMissing() {
        Vaccination noProduct = new Vaccination(
                Code.of(null, "1119349007"),
                null,
                Code.of(null, "ORG-100030215"),
                Code.of(null, "840539006"),
                null,
                LocalDate.of(2025, 5, 20),
                1,
                2,
                "XX",
                null);

        EuDccFormat format = new EuDccFormat(SETTINGS, keys);

        assertThatThrownBy(() -> format.sign(certificate(noProduct)))
                .isInstanceOfSatisfying(
                        UnsupportedRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(SkipReason.NO_MEDICINAL_PRODUCT))
                .hasMessageContaining("medicinal product (mp)");
        assertThat(format.unsupported(certificate(noProduct)))
                .map(UnsupportedRecordException::reason)
                .contains(SkipReason.NO_MEDICINAL_PRODUCT);
        assertThat(SkipReason.NO_MEDICINAL_PRODUCT.apiName()).isEqualTo("no-medicinal-product");
    }

    @Test
    void aCompleteRecordIsSupported() {
        assertThat(new EuDccFormat(SETTINGS, keys).unsupported(certificate(comirnaty())))
                .isEmpty();
    }

    @Test
    void malformedTextsFailAtTheirStage() {
        EuDccVerifier verifier = new EuDccVerifier(keys);

        assertThat(verifier.accepts("HC1:ABC")).isTrue();
        assertThat(verifier.accepts("shc:/123")).isFalse();
        assertThat(verifier.verify("HC2:BB8", NEXT_DAY).reason()).isEqualTo(Reasons.MALFORMED);
        assertThatThrownBy(() -> HcertCodec.decode("HC1:ab"))
                .isInstanceOfSatisfying(
                        HcertException.class, e -> assertThat(e.stage()).isEqualTo(HcertStage.BASE45));
        assertThatThrownBy(() -> HcertCodec.decode("HC1:" + Base45.encode(new byte[] {1, 2, 3})))
                .isInstanceOfSatisfying(
                        HcertException.class, e -> assertThat(e.stage()).isEqualTo(HcertStage.DECOMPRESS));
        assertThatThrownBy(() -> HcertCodec.decode(HcertCodec.encode(new byte[] {(byte) 0xA0})))
                .isInstanceOfSatisfying(
                        HcertException.class, e -> assertThat(e.stage()).isEqualTo(HcertStage.COSE));
    }

    @Test
    void aNullStatementIsLeftOutOfTheSubjectAndCountsAsNone() throws Exception {
        JsonNode signed =
                HcertCodec.decode(sign(keys, SETTINGS).qrText()).payload().dcc();
        ObjectNode withNullRecovery = signed.deepCopy();
        withNullRecovery.putNull("r");
        ObjectNode onlyNullRecovery = signed.deepCopy();
        onlyNullRecovery.remove("v");
        onlyNullRecovery.putNull("r");

        VerificationResult beside = new EuDccVerifier(keys).verify(signedText(withNullRecovery), NEXT_DAY);
        VerificationResult alone = new EuDccVerifier(keys).verify(signedText(onlyNullRecovery), NEXT_DAY);

        assertThat(beside.valid()).as(beside.reason()).isTrue();
        assertThat(beside.subject()).containsKey("v").doesNotContainKey("r");
        assertThat(alone.valid()).isFalse();
        assertThat(alone.subject()).doesNotContainKeys("v", "r");
    }

    /** The DCC signed by the test's document signer, as a QR text. */
    private static String signedText(JsonNode dcc) throws Exception {
        byte[] payload = new HcertPayload("XX", ISSUED, NEXT_DAY, dcc).encode();
        byte[] protectedHeader = CoseSign1.protectedHeader(CoseAlgorithm.ES256, DocumentSigners.kid(dsc));
        byte[] signature =
                CoseAlgorithm.ES256.sign(p256.getPrivate(), null, CoseSign1.toBeSigned(protectedHeader, payload));
        return HcertCodec.encode(CoseSign1.encode(protectedHeader, payload, signature));
    }

    @Test
    void garbageAtAnyLayerIsInvalidNeverAnException() {
        EuDccVerifier verifier = new EuDccVerifier(keys);
        Random random = new Random(260);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            for (String text : List.of("HC1:" + Base45.encode(bytes), HcertCodec.encode(bytes))) {
                VerificationResult result = verifier.verify(text, NEXT_DAY);
                assertThat(result.valid()).isFalse();
                assertThat(result.reason()).isEqualTo(Reasons.MALFORMED);
            }
        }
    }

    @Test
    void dscTrustListCarriesEveryEuDccCertificate() throws Exception {
        List<DscTrustList.Entry> entries = DscTrustList.of(keys.keys(KeyPurpose.EU_DCC));

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.kid()).isEqualTo(DocumentSigners.kidBase64(dsc));
            assertThat(entry.country()).isEqualTo("XX");
            assertThat(entry.certificateType()).isEqualTo("DSC");
            assertThat(Base64.getDecoder().decode(entry.rawData())).isEqualTo(dsc.getEncoded());
            assertThat(entry.thumbprint()).hasSize(64);
        });
        assertThat(new ObjectMapper().writeValueAsString(entries))
                .startsWith("[{\"kid\":\"" + entries.get(0).kid() + "\",\"timestamp\":");
    }
}

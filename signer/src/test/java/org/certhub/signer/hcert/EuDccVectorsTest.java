package org.certhub.signer.hcert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.VerificationResult.Reasons;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.qr.QrCodes;
import org.certhub.testdata.SharedTestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every EU DCC test vector of the dgc-testdata repository (all 423 files), each of its {@code EXPECTED*}
 * results checked against the stage it names (an EXPECTED key no check covers fails the test), and the whole
 * verification at the validation clock of every vector expected to pass throughout. The exceptions are listed
 * below with their reasons. Prints the pass count per key.
 */
class EuDccVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Vectors whose expectation contradicts their own data, by file: these mismatches are counted apart and do
     * not fail the test. Every other mismatch does.
     */
    private static final Map<String, Set<String>> UPSTREAM_ERRORS = Map.of(
            // shared/testdata/README.md: "ES/2DCode/raw/401-403 carry a known upstream error" (their signatures
            // do not verify with the TESTCTX certificate they ship)
            "ES/2DCode/raw/401.json", Set.of("EXPECTEDVERIFY"),
            "ES/2DCode/raw/402.json", Set.of("EXPECTEDVERIFY"),
            "ES/2DCode/raw/403.json", Set.of("EXPECTEDVERIFY"),
            // its JSON has sc/dr two hours earlier than the signed CBOR it claims to match
            "FR/2DCode/raw/test_pcr_ok.json", Set.of("EXPECTEDVALIDJSON"),
            // described as "valid, no key usage" (its DSC names no EU DCC key-usage OID, which the HCERT spec
            // allows for every type), yet expects the key-usage check to fail
            "IS/2DCode/raw/3.json", Set.of("EXPECTEDKEYUSAGE"));

    /**
     * Keys of EXPECTEDRESULTS that name no test step, so are not asserted: ES/2DCode/raw/1001-1003 nest an
     * "EXPECTEDRESULTS": true; ES/2DCode/raw/201-203 carry a misspelt "EXPTECTEDEXPIRED": true, whose reading
     * ("expired") their own data contradicts (exp 2021-10-04, validation clock 2021-05-10) and whose other
     * reading (the expiration check passes) is what EXPECTEDEXPIRATIONCHECK would assert.
     */
    private static final Set<String> NOT_A_STEP = Set.of("EXPECTEDRESULTS", "EXPTECTEDEXPIRED");

    /**
     * The schema in shared/testdata is 1.3.x; vectors with an older {@code ver} had their
     * EXPECTEDSCHEMAVALIDATION judged against their own schema version (NL's 1.0.0 vectors also against NL's
     * business rules, e.g. a birth date in the future). For those, a disagreement is counted apart.
     */
    private static final String SCHEMA_LINE = "1.3.";

    private static final Set<String> SCHEMA_CHECKS = Set.of("EXPECTEDSCHEMAVALIDATION", "EXPECTEDVALIDOBJECT");

    private static DccSchema schema;
    private static Path root;

    private static final Map<String, int[]> COUNTS =
            new ConcurrentHashMap<>(); // key -> {pass, fail, upstream error, input absent, older schema}

    @BeforeAll
    static void loadSchema() {
        root = SharedTestData.require("eu-dcc");
        schema = DccSchema.load(SharedTestData.require("eu-dcc-schema"));
    }

    static Stream<Path> vectors() throws IOException {
        Path root = SharedTestData.require("eu-dcc");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void meetsEveryExpectedResult(Path file) throws Exception {
        JsonNode vector = JSON.readTree(file.toFile());
        String name = root.relativize(file).toString();
        JsonNode expected = vector.path("EXPECTEDRESULTS");
        List<String> mismatches = new ArrayList<>();
        Checks checks = new Checks(vector);
        expected.fieldNames().forEachRemaining(key -> {
            if (!checks.all().containsKey(key) && !NOT_A_STEP.contains(key)) {
                mismatches.add(key + " is not checked");
            }
        });
        for (Map.Entry<String, Callable<Boolean>> check : checks.all().entrySet()) {
            JsonNode want = expected.get(check.getKey());
            if (want == null || !want.isBoolean()) {
                continue;
            }
            boolean actual;
            try {
                actual = check.getValue().call();
            } catch (HcertException e) {
                actual = false;
            } catch (MissingInput e) {
                COUNTS.computeIfAbsent(check.getKey(), k -> new int[5])[3]++;
                continue;
            }
            boolean pass = actual == want.booleanValue();
            boolean exempt =
                    !pass && UPSTREAM_ERRORS.getOrDefault(name, Set.of()).contains(check.getKey());
            boolean olderSchema = !pass
                    && SCHEMA_CHECKS.contains(check.getKey())
                    && !checks.dccVersion().startsWith(SCHEMA_LINE);
            COUNTS.computeIfAbsent(check.getKey(), k -> new int[5])[pass ? 0 : exempt ? 2 : olderSchema ? 4 : 1]++;
            if (!pass && !exempt && !olderSchema) {
                mismatches.add(check.getKey() + " expected " + want.booleanValue() + " but was " + actual);
            }
        }
        assertThat(mismatches).as(name).isEmpty();
    }

    /**
     * Vectors whose statement lies outside its own validity window at the validation clock (the EU validation
     * rules' windows, which no EXPECTED* result covers): the whole verification must reject them for this reason.
     */
    private static final Map<String, String> STATEMENT_OUTSIDE_WINDOW = Map.of(
            "BE/2DCode/raw/2.json", Reasons.NOT_YET_VALID, // recovery df 2021-08-28, clock 2021-08-19
            "ES/2DCode/raw/1502.json", Reasons.EXPIRED); // recovery du 2021-11-01, clock 2026-04-25

    /**
     * Every vector whose signature, expiry and key usage are all expected to pass verifies as a whole, as the
     * hub's {@code POST /api/v1/verify} does it, at its validation clock: valid, or rejected for the listed
     * statement window.
     */
    /** The vectors expected to pass signature, expiry and key usage (and not listed as upstream errors there). */
    static Stream<Path> vectorsExpectedToPass() throws IOException {
        Path root = SharedTestData.require("eu-dcc");
        return vectors().filter(file -> {
            JsonNode vector = readVector(file);
            JsonNode expected = vector.path("EXPECTEDRESULTS");
            return expected.path("EXPECTEDVERIFY").asBoolean(false)
                    && expected.path("EXPECTEDEXPIRATIONCHECK").asBoolean(false)
                    && expected.path("EXPECTEDKEYUSAGE").asBoolean(true)
                    && vector.path("PREFIX").isTextual()
                    && !UPSTREAM_ERRORS
                            .getOrDefault(root.relativize(file).toString(), Set.of())
                            .contains("EXPECTEDVERIFY");
        });
    }

    @Test
    void everyVectorExpectedToPassThroughoutIsVerifiedAsAWhole() throws IOException {
        assertThat(vectorsExpectedToPass().count()).isEqualTo(283);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsExpectedToPass")
    void verifiesAsAWholeWhenEveryStageIsExpectedToPass(Path file) throws Exception {
        JsonNode vector = readVector(file);
        String name = root.relativize(file).toString();
        Checks checks = new Checks(vector);
        TrustedKey trusted = checks.trustedKey();

        VerificationResult result = new EuDccVerifier(
                        (purpose, kid) -> kid.equals(trusted.kid()) ? List.of(trusted) : List.of())
                .verify(
                        vector.get("PREFIX").textValue(),
                        clock(vector.path("TESTCTX").path("VALIDATIONCLOCK").textValue()));

        assertThat(result.reason()).as(name).isEqualTo(STATEMENT_OUTSIDE_WINDOW.get(name));
    }

    private static JsonNode readVector(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void printSummary() {
        if (COUNTS.isEmpty()) {
            return;
        }
        StringBuilder table = new StringBuilder(
                "\nEU DCC vectors, per expected result: pass / fail / listed upstream error / older-schema verdict /"
                        + " not testable (input absent)\n");
        new TreeMap<>(COUNTS)
                .forEach((key, c) -> table.append(
                        String.format("  %-26s %4d / %d / %d / %2d / %2d%n", key, c[0], c[1], c[2], c[4], c[3])));
        System.out.println(table);
    }

    /** The checks of one vector, each answering "did this stage succeed and match the vector's next stage?". */
    private static final class Checks {

        private final JsonNode vector;

        Checks(JsonNode vector) {
            this.vector = vector;
        }

        Map<String, Callable<Boolean>> all() {
            Map<String, Callable<Boolean>> checks = new LinkedHashMap<>();
            checks.put("EXPECTEDPICTUREDECODE", this::pictureDecode);
            checks.put("EXPECTEDUNPREFIX", this::unprefix);
            checks.put("EXPECTEDB45DECODE", this::base45);
            checks.put("EXPECTEDCOMPRESSION", this::compression);
            checks.put("EXPECTEDDECODE", this::decode);
            checks.put("EXPECTEDVERIFY", this::verify);
            checks.put("EXPECTEDEXPIRATIONCHECK", this::expiration);
            checks.put("EXPECTEDKEYUSAGE", this::keyUsage);
            checks.put("EXPECTEDVALIDJSON", this::validJson);
            checks.put("EXPECTEDSCHEMAVALIDATION", this::schema);
            checks.put("EXPECTEDVALIDOBJECT", this::validObject);
            checks.put("EXPECTEDENCODE", this::encode);
            return checks;
        }

        /** The DCC's declared schema version, from the signed payload when it decodes, else the JSON. */
        String dccVersion() {
            try {
                return HcertCodec.decodeCwt(cose().payload()).dcc().path("ver").asText("");
            } catch (RuntimeException e) {
                return vector.path("JSON").path("ver").asText("");
            }
        }

        private String required(String field) {
            return text(field).orElseThrow(MissingInput::new);
        }

        private Optional<String> text(String field) {
            JsonNode node = vector.get(field);
            return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
        }

        private Optional<byte[]> hex(String field) {
            return text(field).map(HEX::parseHex);
        }

        private boolean pictureDecode() {
            byte[] png = Base64.getMimeDecoder().decode(required("2DCODE"));
            Optional<String> read = QrCodes.read(png);
            return read.isPresent() && text("PREFIX").map(read.get()::equals).orElse(true);
        }

        private boolean unprefix() {
            String base45 = HcertCodec.unprefix(required("PREFIX"));
            return text("BASE45").map(base45::equals).orElse(true);
        }

        private boolean base45() {
            byte[] compressed = HcertCodec.base45Decode(required("BASE45"));
            return hex("COMPRESSED").map(c -> Arrays.equals(c, compressed)).orElse(true);
        }

        private boolean compression() {
            byte[] cose = HcertCodec.decompress(HEX.parseHex(required("COMPRESSED")));
            return hex("COSE").map(c -> Arrays.equals(c, cose)).orElse(true);
        }

        private CoseSign1 cose() {
            return HcertCodec.decodeCose(HEX.parseHex(required("COSE")));
        }

        private boolean decode() throws IOException {
            CoseSign1 cose = cose();
            HcertCodec.decodeCwt(cose.payload());
            Optional<byte[]> cbor = hex("CBOR");
            if (cbor.isEmpty()) {
                return true;
            }
            // the vectors' CBOR is either the whole CWT claims map or only the DCC inside claim -260/1
            Object expected = comparable(Cbor.decode(cbor.get()));
            Object claims = comparable(Cbor.decode(cose.payload()));
            Object dcc = ((Map<?, ?>) ((Map<?, ?>) claims).get(-260L)).get(1L);
            return expected.equals(claims) || expected.equals(dcc);
        }

        private TrustedKey trustedKey() throws Exception {
            JsonNode certificateText = vector.path("TESTCTX").path("CERTIFICATE");
            if (!certificateText.isTextual()) {
                throw new MissingInput();
            }
            byte[] der = Base64.getMimeDecoder().decode(certificateText.textValue());
            X509Certificate certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            return new TrustedKey(
                    DocumentSigners.kidBase64(certificate),
                    certificate.getPublicKey(),
                    certificate.getSubjectX500Principal().getName(),
                    certificate);
        }

        private boolean verify() throws Exception {
            CoseSign1 cose = cose();
            HcertCodec.decodeCwt(cose.payload());
            TrustedKey trusted = trustedKey();
            EuDccVerifier verifier =
                    new EuDccVerifier((purpose, kid) -> kid.equals(trusted.kid()) ? List.of(trusted) : List.of());
            verifier.checkSignature(cose);
            return true;
        }

        private boolean expiration() {
            Instant clock = clock(vector.path("TESTCTX").path("VALIDATIONCLOCK").textValue());
            EuDccVerifier.checkValidity(HcertCodec.decodeCwt(cose().payload()), clock);
            return true;
        }

        private boolean keyUsage() throws Exception {
            EuDccVerifier.checkKeyUsage(trustedKey(), HcertCodec.decodeCwt(cose().payload()));
            return true;
        }

        private boolean validJson() {
            if (!vector.has("JSON")) {
                throw new MissingInput();
            }
            HcertCodec.Decoded decoded = HcertCodec.decode(required("PREFIX"));
            return JsonValues.equal(vector.get("JSON"), decoded.payload().dcc());
        }

        /** Code generation test 1: the vector's JSON follows the schema (the one of TESTCTX.SCHEMA). */
        private boolean validObject() {
            if (!vector.has("JSON")) {
                throw new MissingInput();
            }
            return schema.validate(vector.get("JSON")).isEmpty();
        }

        /** Code generation test 2: the vector's JSON, encoded as CBOR here, is the CBOR the vector gives. */
        private boolean encode() throws IOException {
            if (!vector.has("JSON")) {
                throw new MissingInput();
            }
            byte[] ours = Cbor.write(g -> Cbor.writeJson(g, vector.get("JSON")));
            Object expected = comparable(Cbor.decode(hex("CBOR").orElseThrow(MissingInput::new)));
            if (expected instanceof Map<?, ?> claims && claims.get(-260L) instanceof Map<?, ?> hcert) {
                expected = hcert.get(1L);
            }
            return comparable(Cbor.decode(ours)).equals(expected);
        }

        private boolean schema() {
            if (!vector.has("COSE") && !vector.has("JSON")) {
                throw new MissingInput();
            }
            JsonNode dcc =
                    vector.has("COSE") ? HcertCodec.decodeCwt(cose().payload()).dcc() : vector.get("JSON");
            return schema.validate(dcc).isEmpty();
        }
    }

    /** The vector lacks the input a check needs: that expectation is not testable on it. */
    private static final class MissingInput extends RuntimeException {
        MissingInput() {
            super(null, null, false, false);
        }
    }

    /** A decoded CBOR tree with byte strings as hex, so that equal trees compare equal. */
    private static Object comparable(Object tree) {
        if (tree instanceof byte[] bytes) {
            return "h'" + HEX.formatHex(bytes) + "'";
        }
        if (tree instanceof List<?> list) {
            return list.stream().map(EuDccVectorsTest::comparable).toList();
        }
        if (tree instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(comparable(k), comparable(v)));
            return out;
        }
        return tree;
    }

    private static final DateTimeFormatter CLOCK = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter();

    /** VALIDATIONCLOCK is ISO 8601 with an offset as +hh:mm, +hhmm, Z or none (then UTC). */
    private static Instant clock(String text) {
        TemporalAccessor parsed = CLOCK.parse(text);
        return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? Instant.from(parsed)
                : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    }
}

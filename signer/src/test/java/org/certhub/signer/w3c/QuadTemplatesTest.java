package org.certhub.signer.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.certhub.signer.TestCertificates;
import org.junit.jupiter.api.Test;

/**
 * Statements from a shape's template, canonicalised, must be byte for byte those of titanium's whole JSON-LD
 * processing and RDFC-1.0 canonicalisation, for any values: a generated corpus of credentials, proofs and
 * status list credentials with names in many scripts, empty and absent fields, escapes and IRIs of every sort.
 */
class QuadTemplatesTest {

    private static final W3cVcFixture fixture = W3cVcFixture.shared();
    private static final String VACCINATION = fixture.settings().contextUrl();
    private static final int CORPUS = 1500;

    /** Pieces of values: scripts, escapes N-Quads must write, characters whose order UTF-16 and code points disagree on. */
    private static final List<String> PIECES = List.of(
            "Asha Verma",
            "अनन्या शर्मा",
            "क्षत्रिय",
            "محمد علي",
            "王小明",
            "山田 太郎",
            "김민준",
            "Ζωή Παπαδοπούλου",
            "Иван Петров",
            "ผู้ใหญ่",
            "שרה כהן",
            "😀🎉",
            "👩🏽‍⚕️",
            "\uD83D\uDE00",
            "\uFF21\uFFFD",
            "e\u0301",
            "\"quoted\"",
            "back\\slash",
            "line\nbreak",
            "carriage\rreturn",
            "tab\there",
            "\u0000\u0001\u0008\u000b\u000c\u001f\u007f",
            "\u2028\u2029",
            "<angle>",
            "_:b0",
            "@id",
            "x",
            "",
            " ",
            "1987-03-21",
            "2021-08-14T09:31:07Z",
            "42",
            "https://example.org/a b",
            "https://example.org/%zz",
            "urn:uuid:0b4cd6c8-7f2a-4a7e-9d6a-0c1e9b0a2c11",
            "did:example:123",
            "did:in.gov.uidai.aadhaar:111122223344",
            "https://certs.example.org/certificates/CH%2D2021",
            "mailto:a@example.org",
            "xsd:string",
            "schema:name",
            "id:1",
            "relative/path",
            "Person",
            "Vaccination");

    private static final Set<String> TYPE_KEYS = Set.of("type", "@type");

    @Test
    void generatedCredentialsCanonicalizeAsWholeProcessingDoes() throws Exception {
        RdfCanonicalizer signing = new RdfCanonicalizer(new JsonLdContexts(VACCINATION));
        RdfCanonicalizer verifying =
                RdfCanonicalizer.forVerification(new JsonLdContexts(VACCINATION), Duration.ofSeconds(30));
        Random random = new Random(20261205L);
        List<JsonObject> bases = bases();
        int templated = 0;
        for (int i = 0; i < CORPUS; i++) {
            JsonObject base = bases.get(i % bases.size());
            JsonObject document = i < bases.size() ? base : (JsonObject) mutated(base, null, random);
            String expected = wholeProcessing(document);
            for (RdfCanonicalizer canonicalizer : List.of(signing, verifying)) {
                String canonical = canonicalThrowing(canonicalizer, document);
                assertThat(canonical).as("%s", document).isEqualTo(expected);
                // the second time from the template made the first time (or the whole path again)
                assertThat(canonicalThrowing(canonicalizer, document))
                        .as("%s", document)
                        .isEqualTo(expected);
            }
            templated += signing.templated(document) ? 1 : 0;
        }
        // most of the corpus comes from templates: they are not all fallbacks
        assertThat(templated).isGreaterThan(CORPUS / 2);
    }

    @Test
    void equalValuesThatCollapseIntoOneStatementCollapseFromTheTemplateToo() throws Exception {
        RdfCanonicalizer canonicalizer = new RdfCanonicalizer(new JsonLdContexts(VACCINATION));
        String shape = "{\"@context\":[\"" + JsonLdContexts.CREDENTIALS_V1 + "\",\"" + VACCINATION + "\"],"
                + "\"type\":\"VerifiableCredential\",\"issuer\":\"did:web:a.example\","
                + "\"credentialSubject\":{\"type\":\"Person\",\"name\":[\"%s\",\"%s\"]}}";
        JsonObject distinct = parse(shape.formatted("Asha", "Meera"));
        JsonObject equal = parse(shape.formatted("Asha", "Asha"));

        assertThat(canonicalizer.canonical(distinct)).isEqualTo(wholeProcessing(distinct));
        assertThat(canonicalizer.canonical(equal)).isEqualTo(wholeProcessing(equal));
        assertThat(canonicalizer.templated(equal)).isTrue();
        assertThat(wholeProcessing(equal)).contains("\"Asha\"").doesNotContain("\"Meera\"");
    }

    @Test
    void aValueInAnIriSlotThatIsNoPlainIriTakesItsOwnPath() throws Exception {
        RdfCanonicalizer canonicalizer = new RdfCanonicalizer(new JsonLdContexts(VACCINATION));
        JsonObject credential = fixture.format().credential(TestCertificates.secondDose());
        String subjectId = credential.getJsonObject("credentialSubject").getString("id");
        for (String id :
                List.of(subjectId, "did:example:other", "relative/id", "xsd:string", "_:b7", "https://x/a b")) {
            JsonObject document = (JsonObject) replacedSubjectId(credential, id);
            assertThat(canonicalizer.canonical(document)).as(id).isEqualTo(wholeProcessing(document));
        }
    }

    private static JsonValue replacedSubjectId(JsonObject credential, String id) {
        JsonObject subject = JsonP.PROVIDER
                .createObjectBuilder(credential.getJsonObject("credentialSubject"))
                .add("id", id)
                .build();
        return JsonP.PROVIDER
                .createObjectBuilder(credential)
                .add("credentialSubject", subject)
                .build();
    }

    /** The shapes the hub signs: credentials (with and without proof), proof configurations, a status list. */
    private static List<JsonObject> bases() {
        List<JsonObject> bases = new ArrayList<>();
        JsonObject credential = fixture.format().credential(TestCertificates.secondDose());
        JsonObject signed = parse(fixture.signedSecondDose().document());
        bases.add(credential);
        bases.add(signed);
        bases.add(JsonP.without(signed, "proof"));
        JsonObject proof = JsonP.without(signed.getJsonObject("proof"), "proofValue");
        bases.add(JsonP.PROVIDER
                .createObjectBuilder(proof)
                .add("@context", signed.get("@context"))
                .build());
        W3cVcFormat withStatus =
                new W3cVcFormat(fixture.settings(), fixture.keys(), "https://certs.example.org/status/", id -> 17);
        bases.add(parse(withStatus.sign(TestCertificates.secondDose()).document()));
        bases.add(parse(withStatus.signStatusList(3, List.of(1, 17, 4000), Instant.parse("2021-08-14T09:31:07Z"))));
        return bases;
    }

    /** The document with string values replaced at random and optional entries left out; types and contexts kept. */
    private static JsonValue mutated(JsonValue value, String key, Random random) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder builder = JsonP.PROVIDER.createObjectBuilder();
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                String name = entry.getKey();
                boolean structural = name.equals("@context") || TYPE_KEYS.contains(name);
                if (!structural && random.nextInt(8) == 0) {
                    continue;
                }
                builder.add(name, structural ? entry.getValue() : mutated(entry.getValue(), name, random));
            }
            return builder.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder builder = JsonP.PROVIDER.createArrayBuilder();
            array.forEach(item -> builder.add(mutated(item, key, random)));
            return builder.build();
        }
        if (value instanceof JsonString string) {
            return random.nextInt(3) == 0 ? string : JsonP.PROVIDER.createValue(randomText(random));
        }
        if (value.getValueType() == JsonValue.ValueType.NUMBER && random.nextInt(3) == 0) {
            return JsonP.PROVIDER.createValue(random.nextInt(5));
        }
        return value;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return pieces == 1 || random.nextBoolean()
                ? text.toString()
                : text.toString().strip();
    }

    /** The canonical form, or the error's code: both paths must fail alike too. */
    private static String canonicalThrowing(RdfCanonicalizer canonicalizer, JsonObject document) {
        try {
            return canonicalizer.canonical(document);
        } catch (Exception e) {
            return "error " + e.getClass().getSimpleName();
        }
    }

    /** Titanium's own processing, every context processed afresh, with undefined terms failing as the hub's do. */
    private static String wholeProcessing(JsonObject document) {
        try {
            RdfCanon canon = RdfCanon.create("SHA-256");
            JsonLdOptions options = new JsonLdOptions(new JsonLdContexts(VACCINATION));
            options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
            JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(canon);
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (Exception e) {
            return "error " + e.getClass().getSimpleName();
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}

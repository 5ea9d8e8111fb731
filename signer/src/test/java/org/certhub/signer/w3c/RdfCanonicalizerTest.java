package org.certhub.signer.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.certhub.signer.TestCertificates;
import org.junit.jupiter.api.Test;

/**
 * The canonicalizer keeps processed contexts across calls: its N-Quads must be exactly those of titanium's
 * whole JSON-LD processing of each document, from any thread.
 */
class RdfCanonicalizerTest {

    private static final W3cVcFixture fixture = W3cVcFixture.shared();
    private static final String VACCINATION = fixture.settings().contextUrl();

    @Test
    void credentialsAndProofsCanonicalizeAsWholeJsonLdProcessingDoes() throws Exception {
        RdfCanonicalizer canonicalizer = new RdfCanonicalizer(new JsonLdContexts(VACCINATION));
        String signed = fixture.signedSecondDose().document();
        JsonObject signedJson = parse(signed);
        List<JsonObject> documents = List.of(
                fixture.format().credential(TestCertificates.secondDose()),
                JsonP.without(signedJson, "proof"),
                signedJson,
                proofConfiguration(signedJson),
                // the same contexts in another order, a single context, and a repeated one
                parse(signed.replace(
                                "[\"" + JsonLdContexts.CREDENTIALS_V1 + "\",\"" + VACCINATION + "\",",
                                "[\"" + JsonLdContexts.CREDENTIALS_V1 + "\",\"" + JsonLdContexts.ED25519_2020_V1
                                        + "\",\"" + VACCINATION + "\",")
                        .replace(",\"" + JsonLdContexts.ED25519_2020_V1 + "\"]", "]")),
                parse("{\"@context\":\"" + JsonLdContexts.CREDENTIALS_V1 + "\",\"type\":\"VerifiableCredential\","
                        + "\"issuer\":\"did:web:a.example\",\"issuanceDate\":\"2021-08-14T09:31:07Z\"}"),
                parse(signed.replace("\"@context\":[", "\"@context\":[\"" + JsonLdContexts.CREDENTIALS_V1 + "\",")),
                // a relative id leaves statements out
                parse(signed.replace("\"id\":\"did:in.gov.uidai.aadhaar:111122223344\"", "\"id\":\"relative/id\"")));

        for (JsonObject document : documents) {
            String canonical = canonicalizer.canonical(document);
            assertThat(canonical)
                    .as("%s", document)
                    .isEqualTo(wholeProcessing(document))
                    .isNotEmpty();
            assertThat(canonicalizer.canonical(document))
                    .as("from the kept context")
                    .isEqualTo(canonical);
        }
    }

    @Test
    void theCredentialStatementsAreAllCanonicalized() throws Exception {
        String canonical = new RdfCanonicalizer(new JsonLdContexts(VACCINATION))
                .canonical(fixture.format().credential(TestCertificates.secondDose()));

        assertThat(canonical)
                .contains("<did:in.gov.uidai.aadhaar:111122223344> <https://schema.org/birthDate> \"1987-03-21\" .")
                .contains(
                        "<https://certs.example.org/certificates/CH-2021-000042> <https://w3id.org/certhub/vaccination#dose> "
                                + "\"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .")
                .contains("<https://www.w3.org/2018/credentials#issuer> <did:web:certs.example.org> .");
    }

    @Test
    void aTermNoContextDefinesFailsOnTheKeptContextAndOnTheWholePath() {
        RdfCanonicalizer canonicalizer = new RdfCanonicalizer(new JsonLdContexts(VACCINATION));
        String signed = fixture.signedSecondDose()
                .document()
                .replace("\"nonTransferable\"", "\"undefinedTerm\":\"x\",\"nonTransferable\"");
        JsonObject kept = parse(signed);
        JsonObject whole =
                parse(signed.replace("\"@context\":[", "\"@context\":[\"" + JsonLdContexts.CREDENTIALS_V1 + "\","));

        for (JsonObject document : List.of(kept, whole)) {
            assertThatThrownBy(() -> canonicalizer.canonical(document))
                    .isInstanceOf(JsonLdError.class)
                    .hasMessageContaining("undefinedTerm");
        }
    }

    @Test
    void anUnbundledContextFailsAsBefore() {
        RdfCanonicalizer canonicalizer = new RdfCanonicalizer(new JsonLdContexts(VACCINATION));
        JsonObject document = parse("{\"@context\":[\"" + JsonLdContexts.CREDENTIALS_V1
                + "\",\"https://attacker.example/c\"]," + "\"type\":\"VerifiableCredential\"}");

        assertThatThrownBy(() -> canonicalizer.canonical(document)).isInstanceOf(JsonLdError.class);
    }

    @Test
    void forVerificationATermNoContextDefinesFails() {
        RdfCanonicalizer canonicalizer =
                RdfCanonicalizer.forVerification(new JsonLdContexts(VACCINATION), Duration.ofSeconds(5));
        JsonObject document =
                parse("{\"@context\":[\"" + JsonLdContexts.CREDENTIALS_V1 + "\"],\"type\":\"VerifiableCredential\","
                        + "\"issuer\":\"did:web:a.example\",\"undefinedTerm\":\"x\"}");

        assertThatThrownBy(() -> canonicalizer.canonical(document))
                .isInstanceOfSatisfying(
                        JsonLdError.class, e -> assertThat(e.getCode()).isEqualTo(JsonLdErrorCode.UNDEFINED_TERM));
    }

    @Test
    void forVerificationCanonicalisationStopsAtItsTimeLimit() {
        RdfCanonicalizer canonicalizer =
                RdfCanonicalizer.forVerification(new JsonLdContexts(VACCINATION), Duration.ofMillis(200));
        JsonObject bomb = parse("{\"@graph\":" + W3cVcFixture.blankNodeClique(12) + "}");

        long started = System.nanoTime();
        assertThatThrownBy(() -> canonicalizer.canonical(bomb))
                .isInstanceOfSatisfying(
                        JsonLdError.class,
                        e -> assertThat(e.getCode()).isEqualTo(JsonLdErrorCode.PROCESSING_TIMEOUT_EXCEEDED));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void concurrentCallsGiveEachDocumentItsOwnCanonicalForm() throws Exception {
        RdfCanonicalizer canonicalizer = new RdfCanonicalizer(new JsonLdContexts(VACCINATION));
        List<JsonObject> documents = IntStream.range(0, 64)
                .mapToObj(i -> fixture.format().credential(TestCertificates.secondDose("CH-2021-" + (100000 + i))))
                .toList();
        List<String> expected = new ArrayList<>();
        for (JsonObject document : documents) {
            expected.add(wholeProcessing(document));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (JsonObject document : documents) {
                    results.add(threads.submit(() -> canonicalizer.canonical(document)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(1, TimeUnit.MINUTES)).isEqualTo(expected.get(i % documents.size()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static JsonObject proofConfiguration(JsonObject signed) {
        JsonObject proof = JsonP.without(signed.getJsonObject("proof"), "proofValue");
        return JsonP.PROVIDER
                .createObjectBuilder(proof)
                .add("@context", signed.get("@context"))
                .build();
    }

    /** Titanium's own processing, every context processed afresh: what the canonicalizer must give. */
    private static String wholeProcessing(JsonObject document) throws Exception {
        RdfCanon canon = RdfCanon.create("SHA-256");
        JsonLd.toRdf(JsonDocument.of(document))
                .options(new JsonLdOptions(new JsonLdContexts(VACCINATION)))
                .provide(canon);
        StringWriter out = new StringWriter();
        canon.provide(new NQuadsWriter(out));
        return out.toString();
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}

package org.certhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SMART Health Cards as SMART apps see them: one card with every dose of the person's programme, served as a
 * {@code .smart-health-card} file and mailed as one, the SHC keys alone at {@code jwks.json} with CORS, and the
 * revocation list that lists a revoked card. Cards are checked by PathCheck's shc-sdk under Node
 * ({@code src/test/node/shc-verifier}, installed by {@code npm ci} in the build), not only by certhub's own verifier.
 * shc-sdk reads the keys from the card's {@code iss}, so this hub listens where its base URL says, in a data folder
 * of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
class SmartHealthCardIT extends HubTestSupport {

    private static final Path SHC_SDK_TOOL = Path.of("src", "test", "node", "shc-verifier");
    private static final int HUB_PORT = freePort();

    @DynamicPropertySource
    static void issuerAtItsBaseUrl(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("certhub-shc-it-");
        registry.add("server.port", () -> HUB_PORT);
        registry.add("certhub.base-url", () -> "http://localhost:" + HUB_PORT);
        registry.add("certhub.data-dir", dataDir::toString);
        // its own broker journal: the shared context of the other hub tests may still hold the default one's lock
        registry.add(
                "spring.artemis.embedded.data-directory",
                () -> dataDir.resolve("artemis").toString());
        registry.add("certhub.channels.email.attach-smart-health-card", () -> "true");
    }

    @Test
    void aPersonsDosesTravelInOneCardThatShcSdkVerifiesAndARevokedCardIsListed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String dose1 = example("immunization-bundle.json")
                .replace("IMM-2021-000147", "IMM-" + run + "-1")
                .replace("C01X00T47", "P" + run);
        String dose2 = dose1.replace("IMM-" + run + "-1", "IMM-" + run + "-2")
                .replace("2021-05-29T10:15:00+02:00", "2021-06-26T10:15:00+02:00")
                .replace("\"FD5918\"", "\"FE2083\"")
                .replace("\"doseNumberPositiveInt\": 1", "\"doseNumberPositiveInt\": 2");
        String first = awaitCertified(json(post("/fhir/r4", "application/fhir+json", dose1, API_KEY))
                .get("id")
                .asText());
        String second = awaitCertified(json(post("/fhir/r4", "application/fhir+json", dose2, API_KEY))
                .get("id")
                .asText());

        HttpResponse<String> file = get("/api/v1/certificates/" + second + "/shc.smart-health-card");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/smart-health-card");
        assertThat(json(file).get("verifiableCredential")).hasSize(1);
        String jws = json(file).at("/verifiableCredential/0").asText();
        JsonNode payload = payload(jws);
        JsonNode bundle = payload.at("/vc/credentialSubject/fhirBundle");
        assertThat(payload.at("/vc/type"))
                .extracting(JsonNode::asText)
                .containsExactly("https://smarthealth.cards#health-card");
        assertThat(payload.at("/vc/rid").asText()).matches("[A-Za-z0-9_-]{11}");
        assertThat(bundle.findValues("lotNumber")).extracting(JsonNode::asText).containsExactly("FD5918", "FE2083");
        assertThat(bundle.findValuesAsText("code"))
                .as("the sender's CVX code, not the EU type code")
                .containsExactly("208", "208");
        assertThat(bundle.findValues("identifier")).isEmpty();
        assertThat(payload(json(get("/api/v1/certificates/" + first + "/shc.smart-health-card"))
                                .at("/verifiableCredential/0")
                                .asText())
                        .at("/vc/credentialSubject/fhirBundle")
                        .findValues("lotNumber"))
                .as("dose 1's card was issued before dose 2 was known")
                .hasSize(1);

        await().atMost(Duration.ofSeconds(60)).until(() -> mailedCard("FE2083"), card -> card != null);
        assertThat(mailedCard("FE2083")).as("the mailed file is the served one").isEqualTo(jws);

        HttpResponse<String> ddcc = get("/api/v1/certificates/" + second + "/ddcc");
        assertThat(ddcc.statusCode()).isEqualTo(200);
        assertThat(ddcc.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
        assertThat(json(ddcc).get("type").asText()).isEqualTo("document");
        assertThat(json(ddcc).findValues("lotNumber"))
                .extracting(JsonNode::asText)
                .containsExactly("FE2083");
        assertThat(json(ddcc).findValuesAsText("use")).contains("official");
        assertThat(get("/api/v1/certificates/no-such-certificate/ddcc").statusCode())
                .isEqualTo(404);

        HttpResponse<String> jwks = get("/.well-known/jwks.json");
        assertThat(jwks.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        List<JWK> keys = JWKSet.parse(jwks.body()).getKeys();
        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            assertThat(((ECKey) key).getCurve()).isEqualTo(Curve.P_256);
            assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
            assertThat(key.getX509CertChain()).isNull();
        });
        String kid = JWSObject.parse(jws).getHeader().getKeyID();
        long crlVersion = crlVersion(kid);
        assertThat(json(get("/.well-known/crl/" + kid + ".json")).get("ctr").asLong())
                .isEqualTo(crlVersion);
        assertThat(get("/.well-known/crl/unknown-kid.json").statusCode()).isEqualTo(404);

        JsonNode checked = verifyWithShcSdk(file.body()).at("/cards/0");
        assertThat(checked.get("verified").asBoolean()).as(checked.toString()).isTrue();
        assertThat(checked.get("revoked").asBoolean()).isFalse();
        assertThat(checked.get("crlMatchesVersion").asBoolean()).isTrue();
        assertThat(checked.get("jwksCors").asText()).isEqualTo("*");
        assertThat(checked.get("crlCors").asText()).isEqualTo("*");
        assertThat(checked.get("immunizations").asInt()).isEqualTo(2);
        assertThat(checked.get("jwksKeyTypes")).extracting(JsonNode::asText).containsOnly("EC/P-256/ES256/sig");

        assertThat(post("/api/v1/admin/certificates/" + second + "/revoke", "application/json", "", ADMIN_KEY)
                        .statusCode())
                .isLessThan(300);

        assertThat(crlVersion(kid)).isEqualTo(crlVersion + 1);
        assertThat(json(get("/.well-known/crl/" + kid + ".json")).get("rids"))
                .extracting(JsonNode::asText)
                .contains(payload.at("/vc/rid").asText());
        assertThat(json(post("/api/v1/verify", "text/plain", checked.get("qr").asText(), null))
                        .get("reason")
                        .asText())
                .isEqualTo("revoked");
        JsonNode afterRevocation = verifyWithShcSdk(file.body()).at("/cards/0");
        assertThat(afterRevocation.get("verified").asBoolean())
                .as("the signature still holds")
                .isTrue();
        assertThat(afterRevocation.get("revoked").asBoolean()).isTrue();
        assertThat(afterRevocation.get("crlMatchesVersion").asBoolean()).isTrue();
    }

    /** The JWS of the {@code .smart-health-card} attachment of the mail whose card holds the lot, if mailed yet. */
    private static String mailedCard(String lot) throws Exception {
        for (MimeMessage mail : MAIL.getReceivedMessages()) {
            Multipart parts = (Multipart) mail.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if ("certificate.smart-health-card".equals(part.getFileName())) {
                    assertThat(part.getContentType()).startsWith("application/smart-health-card");
                    String jws = JSON.readTree(part.getInputStream())
                            .at("/verifiableCredential/0")
                            .asText();
                    if (payload(jws).toString().contains(lot)) {
                        return jws;
                    }
                }
            }
        }
        return null;
    }

    private long crlVersion(String kid) throws Exception {
        return StreamSupport.stream(
                        json(get("/.well-known/jwks.json")).get("keys").spliterator(), false)
                .filter(key -> key.get("kid").asText().equals(kid))
                .findFirst()
                .orElseThrow()
                .get("crlVersion")
                .asLong();
    }

    private static JsonNode payload(String jws) throws Exception {
        byte[] deflated = JWSObject.parse(jws).getPayload().toBytes();
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        byte[] out = new byte[64 * 1024];
        int length = inflater.inflate(out);
        inflater.end();
        return JSON.readTree(new String(out, 0, length, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Runs the Node tool on the file; skipped (failing in CI) when {@code npm ci} could not install it. */
    private static JsonNode verifyWithShcSdk(String smartHealthCardFile) throws Exception {
        if (!Files.isDirectory(SHC_SDK_TOOL.resolve("node_modules/@pathcheck/shc-sdk"))) {
            String why = "the Node SHC verifier is not installed (npm ci runs in the build when npm is on the PATH)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        Path input = Files.createTempFile("certhub", ".smart-health-card");
        Path errors = Files.createTempFile("certhub-shc-sdk", ".log");
        try {
            Files.writeString(input, smartHealthCardFile);
            Process node = new ProcessBuilder(
                            "node", "verify.mjs", input.toAbsolutePath().toString())
                    .directory(SHC_SDK_TOOL.toFile())
                    .redirectError(errors.toFile())
                    .start();
            byte[] report = node.getInputStream().readAllBytes();
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as(Files.readString(errors)).isZero();
            return JSON.readTree(report);
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(errors);
        }
    }
}

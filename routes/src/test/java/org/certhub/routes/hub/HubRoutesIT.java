package org.certhub.routes.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.certhub.routes.HubTestSupport;
import org.certhub.routes.OwnStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Routes in Camel YAML from the configuration folder, started with the hub: the shipped examples post every
 * issued certificate to a national registry (WireMock) and acknowledge a held record to its sender; a route of the
 * operator's reads FHIR records from a folder into the hub's intake through the shipped Kamelet; a folder of DIVOC
 * bulk CSV files is certified row by row, each file's result CSV beside it.
 */
@DirtiesContext
class HubRoutesIT extends HubTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String MISMATCHED_FAMILY = "Nichtdiegleiche";
    private static final WireMockServer PEERS = startPeers();
    private static final Path CONFIG_DIR = configDir();
    private static final Path INBOX = CONFIG_DIR.resolve("inbox");
    private static final Path CSV_DIR = CONFIG_DIR.resolve("divoc-csv");

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        OwnStorage.register(registry, "hub-routes");
        registry.add("CERTHUB_CONFIG_DIR", CONFIG_DIR::toString);
        registry.add("REGISTRY_URL", () -> PEERS.baseUrl() + "/registry/certificates");
        registry.add("REGISTRY_TOKEN", () -> "registry-token-for-tests");
        registry.add("SOURCE_ACK_URL", () -> PEERS.baseUrl() + "/his/ack");
        registry.add("DIVOC_CSV_DIR", CSV_DIR::toString);
        registry.add("certhub.connectors.id.provider", () -> "rest");
        registry.add("certhub.connectors.id.rest.http.url", () -> PEERS.baseUrl() + "/id");
        registry.add(
                "certhub.connectors.id.rest.body-template",
                () -> "{\"number\":{{identifier.value}},\"family\":{{familyName}},\"ref\":{{eventId}}}");
        registry.add("certhub.connectors.id.rest.identifier-type", () -> "PASSPORT");
        registry.add("certhub.connectors.id.rest.verdict-path", () -> "$.status");
    }

    @BeforeEach
    void peersUp() {
        PEERS.resetAll();
        PEERS.stubFor(WireMock.post(urlPathEqualTo("/registry/certificates"))
                .willReturn(aResponse().withStatus(201)));
        PEERS.stubFor(
                WireMock.post(urlPathEqualTo("/his/ack")).willReturn(aResponse().withStatus(204)));
        PEERS.stubFor(
                WireMock.post(urlPathEqualTo("/id")).atPriority(10).willReturn(okJson("{\"status\":\"verified\"}")));
        PEERS.stubFor(WireMock.post(urlPathEqualTo("/id"))
                .atPriority(1)
                .withRequestBody(containing(MISMATCHED_FAMILY))
                .willReturn(okJson("{\"status\":\"no-match\"}")));
    }

    @AfterAll
    static void stopPeers() {
        PEERS.stop();
    }

    @Test
    void aRecordDroppedInTheFolderIsCertifiedAndPostedToTheRegistryDespiteAnOutage() throws IOException {
        registryFailsTwice();
        String recordId = "IMM-ROUTES-" + UUID.randomUUID();
        Files.writeString(INBOX.resolve(recordId + ".json.part"), record(recordId, "Mustermann"));
        Files.move(INBOX.resolve(recordId + ".json.part"), INBOX.resolve(recordId + ".json"));

        LoggedRequest posted = await().atMost(WAIT)
                .until(
                        () -> PEERS.findAll(postRequestedFor(urlPathEqualTo("/registry/certificates"))
                                .withRequestBody(matchingJsonPath("$.recordId", containing(recordId)))),
                        requests -> requests.size() == 3)
                .get(2);
        String certificateId =
                JSON.readTree(posted.getBodyAsString()).get("certificateId").asText();
        assertThat(certificateId).isNotBlank();
        PEERS.verify(
                3,
                postRequestedFor(urlPathEqualTo("/registry/certificates"))
                        .withHeader("Authorization", equalTo("Bearer registry-token-for-tests"))
                        .withHeader("Idempotency-Key", equalTo(certificateId)));
        assertThat(INBOX.resolve(recordId + ".json")).doesNotExist();
    }

    @Test
    void aHeldRecordIsAcknowledgedToItsSender() {
        String recordId = "IMM-ROUTES-" + UUID.randomUUID();
        assertThat(post("/fhir/r4", "application/fhir+json", record(recordId, MISMATCHED_FAMILY), API_KEY)
                        .statusCode())
                .isEqualTo(202);

        await().atMost(WAIT)
                .untilAsserted(() -> PEERS.verify(
                        1,
                        postRequestedFor(urlPathEqualTo("/his/ack"))
                                .withRequestBody(matchingJsonPath("$.recordId", containing(recordId)))
                                .withRequestBody(matchingJsonPath("$.state", equalTo("held")))
                                .withRequestBody(matchingJsonPath("$.reason"))));
        PEERS.verify(
                0, postRequestedFor(urlPathEqualTo("/registry/certificates")).withRequestBody(containing(recordId)));
    }

    @Test
    void aDivocCsvDroppedInTheFolderIsCertifiedRowByRowWithItsResultBesideIt() throws IOException {
        Files.writeString(CSV_DIR.resolve("batch.csv.part"), divocCsv("CSV-" + UUID.randomUUID()));
        Files.move(CSV_DIR.resolve("batch.csv.part"), CSV_DIR.resolve("batch.csv"));

        Path result = CSV_DIR.resolve("batch.result.csv");
        await().atMost(WAIT).until(() -> Files.exists(result));
        List<String> lines = Files.readAllLines(result);
        assertThat(lines.get(0)).isEqualTo("row,status,eventId,error");
        assertThat(lines.get(1)).startsWith("1,accepted,");
        assertThat(lines.get(2)).startsWith("2,rejected,,").contains("recipientMobileNumber");
        assertThat(lines.get(3)).startsWith("3,rejected,,").contains("vaccination.name");
        assertThat(lines).hasSize(4);
        assertThat(CSV_DIR.resolve(".done").resolve("batch.csv")).exists();
        assertThat(send("GET", "/api/v1/events/" + lines.get(1).split(",")[2], null, "X-API-Key", ADMIN_KEY)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aDivocCsvUploadIsCertifiedRowByRowAndListedWithItsErrors() {
        String boundary = "certhub-" + UUID.randomUUID();
        String multipart = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"upload.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + divocCsv("UPL-" + UUID.randomUUID()) + "\r\n--" + boundary
                + "--\r\n";

        HttpResponse<String> uploaded =
                post("/divoc/api/v1/bulkCertify", "multipart/form-data; boundary=" + boundary, multipart, API_KEY);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        JsonNode upload = json(uploaded);
        assertThat(upload.get("status").asText()).isEqualTo("partial");
        assertThat(upload.get("totalRecords").asInt()).isEqualTo(3);
        assertThat(upload.get("errorRecords").asInt()).isEqualTo(2);
        String id = upload.get("id").asText();
        assertThat(json(send("GET", "/divoc/api/v1/certify/uploads", null, "X-API-Key", API_KEY))
                        .findValuesAsText("id"))
                .contains(id);
        JsonNode errors = json(send(
                        "GET", "/divoc/api/v1/certify/uploads/" + id + "/errors", null, "X-API-Key", API_KEY))
                .get("errors");
        assertThat(errors.findValuesAsText("row")).containsExactly("2", "3");
        assertThat(errors.get(0).get("error").asText()).contains("recipientMobileNumber");
        assertThat(send("GET", "/divoc/api/v1/certify/uploads/no-such-upload/errors", null, "X-API-Key", API_KEY)
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(
                                "/divoc/api/v1/bulkCertify",
                                "multipart/form-data; boundary=" + boundary,
                                multipart,
                                "wrong-key")
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/divoc/api/v1/certify/uploads", null).statusCode())
                .isEqualTo(401);
    }

    /** A DIVOC bulk CSV: a row that certifies, one without a mobile number, one without a vaccine. */
    private static String divocCsv(String code) {
        String header = "recipientName,recipientMobileNumber,recipientDOB,recipientGender,recipientNationality,"
                + "recipientIdentity,recipientAddressLine1,recipientDistrict,recipientState,recipientPincode,"
                + "vaccinationBatch,vaccinationDate,vaccinationEffectiveStart,vaccinationEffectiveEnd,"
                + "vaccinationManufacturer,vaccinationName,vaccinatorName,facilityName,facilityAddressLine1,"
                + "facilityDistict,facilityState,facilityPincode,preEnrollmentCode";
        String good = "Asha Rao,9000000001,01-Apr-1990,Female,India,did:in.gov.uidai.aadhaar:111122223344,12 MG Road,"
                + "Bengaluru Urban,Karnataka,560001,FD5918,2021-05-01T10:00:00.000Z,2021-05-01,2022-05-01,Pfizer-BioNTech,"
                + "Comirnaty,Dr. Sen,PHC Indiranagar,100 Feet Road,Bengaluru Urban,Karnataka,560038," + code;
        String noMobile = good.replace(",9000000001,", ",,").replace(code, code + "-2");
        String noVaccine = good.replace("Comirnaty", "").replace(code, code + "-3");
        return String.join("\r\n", header, good, noMobile, noVaccine) + "\r\n";
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static WireMockServer startPeers() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    /**
     * A configuration folder with the shipped example routes and Kamelet, and a route of the operator's reading a
     * folder into the Kamelet.
     */
    private static Path configDir() {
        try {
            Path dir = Files.createTempDirectory("certhub-hub-routes-");
            Path routes = Files.createDirectories(dir.resolve("routes"));
            Path examples = Path.of("..", "config", "examples", "routes");
            for (String example : new String[] {
                "national-registry.camel.yaml", "source-acknowledgement.camel.yaml", "divoc-csv-folder.camel.yaml"
            }) {
                Files.copy(examples.resolve(example), routes.resolve(example));
            }
            Path kamelets = Files.createDirectories(dir.resolve("kamelets"));
            Files.copy(
                    Path.of("..", "config", "examples", "kamelets", "certhub-fhir-intake-sink.kamelet.yaml"),
                    kamelets.resolve("certhub-fhir-intake-sink.kamelet.yaml"));
            Files.createDirectories(dir.resolve("inbox"));
            Files.createDirectories(dir.resolve("divoc-csv"));
            Files.writeString(routes.resolve("fhir-folder.camel.yaml"), """
                    - route:
                        id: ingest-fhir-folder
                        from:
                          uri: file:%s
                          parameters:
                            include: ".*\\\\.json"
                            delete: true
                          steps:
                            - to: kamelet:certhub-fhir-intake-sink?source=his-folder
                    """.formatted(dir.resolve("inbox")));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void registryFailsTwice() {
        String state = Scenario.STARTED;
        for (int i = 1; i <= 2; i++) {
            String next = "failed " + i;
            PEERS.stubFor(WireMock.post(urlPathEqualTo("/registry/certificates"))
                    .atPriority(1)
                    .inScenario("outage")
                    .whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(503))
                    .willSetStateTo(next));
            state = next;
        }
        PEERS.stubFor(WireMock.post(urlPathEqualTo("/registry/certificates"))
                .atPriority(1)
                .inScenario("outage")
                .whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(201)));
    }

    private static String record(String recordId, String family) {
        return example("immunization-bundle.json")
                .replace("IMM-2021-000147", recordId)
                .replace("\"family\": \"Mustermann\"", "\"family\": \"" + family + "\"");
    }
}

package org.certhub.routes.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.certhub.routes.HubTestSupport;
import org.certhub.routes.OwnStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connectors in the running hub against faithful local servers (WireMock): SMS, webhook and locker push
 * survive an outage and deliver exactly once, a "never" answer dead-letters at once, a replay after a long
 * outage delivers; the REST ID service's mismatch holds an event until an administrator approves it; DigiLocker's
 * pull endpoints answer a signed request and refuse a bad HMAC.
 */
// closed after the class: its hub would otherwise go on retrying mails against the SMTP port the next class's
// GreenMail listens on
@DirtiesContext
class ConnectorsIT extends HubTestSupport {

    private static final WireMockServer SERVER = startServer();
    private static final String PULL_KEY = "digilocker-partner-api-key-for-tests";
    private static final String MISMATCHED_FAMILY = "Nichtdiegleiche";
    private static final AtomicInteger RECORDS = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final AtomicReference<Path> PRINT_DIR = new AtomicReference<>();

    /** Each channel: its path on the server and the header carrying the delivery id. */
    private enum Channel {
        SMS("sms", "/sms", "Idempotency-Key"),
        WEBHOOK("webhook", "/hook", "X-Certhub-Delivery"),
        DIGILOCKER("digilocker", "/locker", "Idempotency-Key");

        final String name;
        final String path;
        final String deliveryHeader;

        Channel(String name, String path, String deliveryHeader) {
            this.name = name;
            this.path = path;
            this.deliveryHeader = deliveryHeader;
        }
    }

    @DynamicPropertySource
    static void connectorProperties(DynamicPropertyRegistry registry) {
        String base = SERVER.baseUrl();
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("certhub.channels.sms.enabled", "true"),
                Map.entry("certhub.channels.sms.url", base + "/sms"),
                Map.entry("certhub.channels.sms.body-format", "json"),
                Map.entry("certhub.channels.sms.body-template", "{\"to\":\"{to}\",\"text\":\"{message}\"}"),
                Map.entry(
                        "certhub.channels.sms.message-templates.en",
                        "Your vaccination certificate: {link} code {code}"),
                Map.entry("certhub.channels.sms.code-key", "sms-code-key-for-tests-0123456789"),
                Map.entry("certhub.channels.webhook.enabled", "true"),
                Map.entry("certhub.channels.webhook.subscribers[0].id", "registry"),
                Map.entry("certhub.channels.webhook.subscribers[0].url", base + "/hook"),
                Map.entry("certhub.channels.webhook.subscribers[0].secret", "webhook-secret-for-tests-0123456789"),
                Map.entry("certhub.channels.webhook.subscribers[0].programmes", "*"),
                Map.entry("certhub.channels.digilocker.enabled", "true"),
                Map.entry("certhub.channels.digilocker.issuer-id", "in.gov.certhub"),
                Map.entry("certhub.channels.digilocker.doc-type", "VACER"),
                Map.entry("certhub.channels.digilocker.push.url", base + "/locker"),
                Map.entry("certhub.channels.digilocker.push.auth.secret", "locker-secret-for-tests"),
                Map.entry("certhub.channels.digilocker.pull.enabled", "true"),
                Map.entry("certhub.channels.digilocker.pull.hmac-key", PULL_KEY),
                Map.entry("certhub.channels.circuit-breaker.minimum-calls", "100"),
                Map.entry("certhub.connectors.id.provider", "rest"),
                Map.entry("certhub.connectors.id.rest.http.url", base + "/id"),
                Map.entry(
                        "certhub.connectors.id.rest.body-template",
                        "{\"number\":{{identifier.value}},\"family\":{{familyName}},\"ref\":{{eventId}}}"),
                Map.entry("certhub.connectors.id.rest.identifier-type", "PASSPORT"),
                Map.entry("certhub.connectors.id.rest.verdict-path", "$.status"));
        properties.forEach((name, value) -> registry.add(name, () -> value));
        Path storage = OwnStorage.register(registry, "connectors");
        registry.add("certhub.channels.print.enabled", () -> "true");
        registry.add(
                "certhub.channels.print.output-dir",
                () -> storage.resolve("print").toString());
        PRINT_DIR.set(storage.resolve("print"));
    }

    @BeforeEach
    void everySystemUp() {
        SERVER.resetAll();
        for (Channel channel : Channel.values()) {
            SERVER.stubFor(WireMock.post(urlPathEqualTo(channel.path))
                    .atPriority(10)
                    .willReturn(okJson("{\"status\":\"ok\"}")));
        }
        SERVER.stubFor(
                WireMock.post(urlPathEqualTo("/id")).atPriority(10).willReturn(okJson("{\"status\":\"verified\"}")));
        SERVER.stubFor(WireMock.post(urlPathEqualTo("/id"))
                .atPriority(1)
                .withRequestBody(containing(MISMATCHED_FAMILY))
                .willReturn(okJson("{\"status\":\"no-match\"}")));
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @Test
    void everyHttpChannelRidesOutAnOutageAndDeliversExactlyOnce() {
        for (Channel channel : Channel.values()) {
            outageThenRecovery(channel.path, 2);
        }
        String certificateId = certify(record("Mustermann"));

        for (Channel channel : Channel.values()) {
            awaitDelivery(certificateId, channel.name, "sent");
            assertThat(accepted(channel, certificateId)).as(channel.name).hasSize(1);
            assertThat(requests(channel, certificateId)).as(channel.name).hasSize(3);
        }
        awaitEventState(eventOf(certificateId), "delivered");
    }

    @Test
    void theSmsLinkOpensItsCertificateOnlyWithTheCodeTheSmsCarries() throws Exception {
        String certificateId = certify(record("Mustermann"));
        awaitDelivery(certificateId, Channel.SMS.name, "sent");
        String text = JSON.readTree(
                        accepted(Channel.SMS, certificateId).get(0).getRequest().getBodyAsString())
                .get("text")
                .asText();
        java.util.regex.Matcher sms = java.util.regex.Pattern.compile(
                        "(/api/v1/certificates/" + certificateId + "/certificate\\.pdf\\?token=\\S+) code (\\d{6})")
                .matcher(text);
        assertThat(sms.find()).as("the SMS shows a link and a code").isTrue();
        String link = sms.group(1);
        String code = sms.group(2);
        String wrong = code.equals("000000") ? "000001" : "000000";

        assertThat(send("GET", link, null).statusCode()).as("the link alone").isEqualTo(401);
        assertThat(send("GET", link + "&code=" + wrong, null).statusCode()).isEqualTo(401);
        HttpResponse<String> opened = send("GET", link + "&code=" + code, null);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
    }

    @Test
    void aRefusalThatMeansNeverGoesStraightToTheDeadLetterQueue() {
        for (Channel channel : Channel.values()) {
            SERVER.stubFor(WireMock.post(urlPathEqualTo(channel.path))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(422)));
        }
        String certificateId = certify(record("Mustermann"));

        for (Channel channel : Channel.values()) {
            awaitDelivery(certificateId, channel.name, "dead");
            assertThat(requests(channel, certificateId)).as(channel.name).hasSize(1);
        }
        assertThat(json(get("/api/v1/events/" + eventOf(certificateId)))
                        .get("state")
                        .asText())
                .isEqualTo("certified");
    }

    @Test
    void aReplayAfterAnOutageThatExhaustedTheRetriesDelivers() {
        for (Channel channel : Channel.values()) {
            SERVER.stubFor(WireMock.post(urlPathEqualTo(channel.path))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(503)));
        }
        String certificateId = certify(record("Mustermann"));
        for (Channel channel : Channel.values()) {
            awaitDelivery(certificateId, channel.name, "dead");
            assertThat(requests(channel, certificateId)).as(channel.name).hasSize(4); // 1 + 3 retries
        }

        everySystemUp();
        for (Channel channel : Channel.values()) {
            HttpResponse<String> replay = post(
                    "/api/v1/admin/dead-letters/deliver-" + channel.name + "/replay",
                    "application/json",
                    "",
                    ADMIN_KEY);
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(json(replay).get("replayed").asInt()).as(channel.name).isGreaterThanOrEqualTo(1);
        }
        for (Channel channel : Channel.values()) {
            awaitDelivery(certificateId, channel.name, "sent");
            assertThat(accepted(channel, certificateId)).as(channel.name).hasSize(1);
        }
        awaitEventState(eventOf(certificateId), "delivered");
    }

    @Test
    void replayNeedsTheAdminKeyAndAKnownQueue() {
        assertThat(post("/api/v1/admin/dead-letters/deliver-sms/replay", "application/json", "", API_KEY)
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/admin/dead-letters/deliver-sms/replay", "application/json", "", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/admin/dead-letters/jms:queue:anything/replay", "application/json", "", ADMIN_KEY)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void thePrintChannelAddsTheCertificateToItsFacilitysBatch() throws Exception {
        String certificateId = certify(record("Mustermann"));

        awaitDelivery(certificateId, "print", "sent");
        try (var files = Files.walk(PRINT_DIR.get())) {
            List<Path> found = files.filter(
                            file -> file.getFileName().toString().equals("index.csv"))
                    .toList();
            assertThat(found).isNotEmpty();
            String indexes =
                    String.join("\n", found.stream().map(ConnectorsIT::read).toList());
            assertThat(indexes).contains(certificateId);
        }
    }

    @Test
    void anAdministratorRevokesACertificateAndRotatesASigningKey() {
        String certificateId = certify(record("Mustermann"));
        String qr = json(get("/api/v1/certificates/" + certificateId))
                .get("credentials")
                .get("w3c-vc")
                .get("qr")
                .asText();
        assertThat(json(post("/api/v1/verify", "text/plain", qr, null))
                        .get("valid")
                        .asBoolean())
                .isTrue();

        HttpResponse<String> revoked =
                post("/api/v1/admin/certificates/" + certificateId + "/revoke", "application/json", "", ADMIN_KEY);
        assertThat(revoked.statusCode()).isEqualTo(200);
        JsonNode verdict = json(post("/api/v1/verify", "text/plain", qr, null));
        assertThat(verdict.get("valid").asBoolean()).isFalse();
        assertThat(post("/api/v1/admin/certificates/" + certificateId + "/revoke", "application/json", "", ADMIN_KEY)
                        .statusCode())
                .isEqualTo(409);

        HttpResponse<String> rotated = post("/api/v1/admin/keys/W3C_VC/rotate", "application/json", "", ADMIN_KEY);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String keyId = json(rotated).get("keyId").asText();
        assertThat(get("/.well-known/did.json").body()).contains(keyId);
        assertThat(post("/api/v1/admin/keys/RSA/rotate", "application/json", "", ADMIN_KEY)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anIdentityMismatchHoldsTheEventUntilAnAdministratorApprovesIt() {
        String eventId = submit(record(MISMATCHED_FAMILY));
        JsonNode held = awaitEventState(eventId, "held");
        assertThat(held.get("reason").asText()).contains("identity check").doesNotContain(MISMATCHED_FAMILY);
        assertThat(held.get("certificateId").isNull()).isTrue();

        JsonNode queue = json(getAdmin("/api/v1/admin/events?state=held"));
        assertThat(queue.get("events").findValuesAsText("id")).contains(eventId);

        HttpResponse<String> approved =
                post("/api/v1/admin/events/" + eventId + "/approve", "application/json", "", ADMIN_KEY);
        assertThat(approved.statusCode()).isEqualTo(202);
        JsonNode certified = await().atMost(WAIT)
                .until(
                        () -> json(get("/api/v1/events/" + eventId)),
                        event -> List.of("certified", "delivered")
                                .contains(event.get("state").asText()));
        assertThat(certified.get("certificateId").asText()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT id_check FROM vaccination_event WHERE id = ?", String.class, eventId))
                .isEqualTo("waived");
        assertThat(post("/api/v1/admin/events/" + eventId + "/approve", "application/json", "", ADMIN_KEY)
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void digiLockerPullsASignedRequestsDocumentAndRefusesABadHmac() throws Exception {
        String certificateId = certify(record("Mustermann"));
        String request = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<PullURIRequest ver=\"1.0\" ts=\"2026-11-25T10:00:00\" txn=\"txn-it-1\" orgId=\"in.gov.certhub\" format=\"xml\">"
                + "<DocDetails><DocType>VACER</DocType><DigiLockerId>dl-1</DigiLockerId><UID/><FullName>E M</FullName>"
                + "<DOB>12-08-1964</DOB><tracking_id>" + certificateId + "</tracking_id><Mobile>9876543210</Mobile>"
                + "</DocDetails></PullURIRequest>";

        HttpResponse<String> answer = postSigned("/cert/api/pullUriRequest", request, hmac(PULL_KEY, request));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
        assertThat(answer.body()).contains("Status=\"1\"").contains("in.gov.certhub-VACER-" + certificateId);

        HttpResponse<String> forged = postSigned("/cert/api/pullUriRequest", request, hmac("another-key", request));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).doesNotContain(certificateId);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static WireMockServer startServer() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    private static void outageThenRecovery(String path, int failures) {
        String scenario = "outage " + path;
        String state = Scenario.STARTED;
        for (int i = 1; i <= failures; i++) {
            String next = "failed " + i;
            SERVER.stubFor(WireMock.post(urlPathEqualTo(path))
                    .atPriority(1)
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(500))
                    .willSetStateTo(next));
            state = next;
        }
        SERVER.stubFor(WireMock.post(urlPathEqualTo(path))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs(state)
                .willReturn(okJson("{\"status\":\"ok\"}")));
    }

    /** A FHIR record with its own record id, a mobile number, and the given family name. */
    private static String record(String family) {
        String id = "IMM-CONNECTORS-" + RECORDS.incrementAndGet() + "-" + UUID.randomUUID();
        return example("immunization-bundle.json")
                .replace("IMM-2021-000147", id)
                .replace("\"family\": \"Mustermann\"", "\"family\": \"" + family + "\"")
                .replace(
                        "\"telecom\": [",
                        "\"telecom\": [{ \"system\": \"phone\", \"value\": \"+91 98765 43210\", \"use\": \"mobile\" }, ");
    }

    private String submit(String bundle) {
        HttpResponse<String> accepted = post("/fhir/r4", "application/fhir+json", bundle, API_KEY);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return json(accepted).get("id").asText();
    }

    private String certify(String bundle) {
        String eventId = submit(bundle);
        return await().atMost(WAIT)
                .until(
                        () -> json(get("/api/v1/events/" + eventId)),
                        event -> event.hasNonNull("certificateId")
                                && !event.get("certificateId").asText().isEmpty())
                .get("certificateId")
                .asText();
    }

    private static List<ServeEvent> requests(Channel channel, String certificateId) {
        return SERVER.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(channel.path))
                .filter(event -> {
                    String delivery = event.getRequest().getHeader(channel.deliveryHeader);
                    return delivery != null && delivery.contains(certificateId);
                })
                .toList();
    }

    private static List<ServeEvent> accepted(Channel channel, String certificateId) {
        return requests(channel, certificateId).stream()
                .filter(event -> event.getResponse().getStatus() / 100 == 2)
                .toList();
    }

    private HttpResponse<String> getAdmin(String path) {
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("X-API-Key", ADMIN_KEY)
                .GET()
                .build());
    }

    private HttpResponse<String> postSigned(String path, String body, String hmac) {
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/xml")
                .header("x-digilocker-hmac", hmac)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static HttpResponse<String> send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** DigiLocker's signature: Base64 of the hex HMAC-SHA256 of the body. */
    private static String hmac(String key, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hex = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
    }
}

package org.certhub.routes.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.certhub.routes.HubTestSupport;
import org.certhub.routes.OwnStorage;
import org.certhub.routes.store.DeliveryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Channels that are only configuration ({@code type: camel}): an SFTP drop (Apache MINA SSHD's SFTP server, started
 * here), a folder and a registry's HTTP API (WireMock) each get their certificate once, ride out an outage with
 * retries, dead-letter a refusal and deliver on replay; every attempt leaves its delivery row.
 */
@DirtiesContext
class CamelChannelIT extends HubTestSupport {

    private static final String SFTP_USER = "certhub";
    private static final String SFTP_PASSWORD = "sftp-secret-for-tests";
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final AtomicInteger RECORDS = new AtomicInteger();
    private static final AtomicBoolean SFTP_UP = new AtomicBoolean(true);
    private static final Path SFTP_ROOT = tempDir("sftp");
    private static final Path ARCHIVE = tempDir("archive");
    private static final SshServer SFTP = startSftp();
    private static final WireMockServer REGISTRY = startRegistry();

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        OwnStorage.register(registry, "camel-channels");
        registry.add("certhub.channels.registry-drop.type", () -> "camel");
        registry.add(
                "certhub.channels.registry-drop.uri",
                () -> "sftp://" + SFTP_USER + "@localhost:" + SFTP.getPort()
                        + "/drop?password=RAW(" + SFTP_PASSWORD
                        + ")&strictHostKeyChecking=no&useUserKnownHostsFile=false"
                        + "&disconnect=true");
        registry.add("certhub.channels.registry-drop.file-name", () -> "{certificateId}.json");
        registry.add("certhub.channels.archive.type", () -> "camel");
        registry.add("certhub.channels.archive.uri", () -> "file:" + ARCHIVE);
        registry.add("certhub.channels.archive.payload", () -> "pdf");
        registry.add("certhub.channels.registry-api.type", () -> "camel");
        registry.add("certhub.channels.registry-api.uri", () -> REGISTRY.baseUrl() + "/certificates");
        registry.add("certhub.channels.registry-api.payload", () -> "credential");
        registry.add("certhub.channels.registry-api.headers.X-Source", () -> "certhub");
        registry.add("certhub.channels.circuit-breaker.minimum-calls", () -> "100");
    }

    @BeforeEach
    void everySystemUp() {
        SFTP_UP.set(true);
        REGISTRY.resetAll();
        REGISTRY.stubFor(WireMock.post(urlPathEqualTo("/certificates"))
                .willReturn(aResponse().withStatus(201)));
    }

    @AfterAll
    static void stopServers() throws IOException {
        SFTP.stop(true);
        REGISTRY.stop();
    }

    @Test
    void eachEndpointGetsItsPayloadOnceWithTheDeliveryIdAsIdempotencyKey() throws IOException {
        String certificateId = certify(record());

        for (String channel : List.of("registry-drop", "archive", "registry-api")) {
            awaitDelivery(certificateId, channel, "sent");
        }
        JsonNode event = JSON.readTree(
                SFTP_ROOT.resolve("drop").resolve(certificateId + ".json").toFile());
        assertThat(event.get("certificateId").asText()).isEqualTo(certificateId);
        assertThat(event.get("type").asText()).isEqualTo("certificate.issued");
        assertThat(event.get("downloadUrl").asText())
                .contains("/api/v1/certificates/" + certificateId + "/certificate.pdf?token=");
        assertThat(event.toString()).doesNotContain("Mustermann");

        byte[] pdf = Files.readAllBytes(ARCHIVE.resolve(certificateId + ".pdf"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        REGISTRY.verify(
                1,
                postRequestedFor(urlPathEqualTo("/certificates"))
                        .withHeader("Idempotency-Key", equalTo(DeliveryStore.deliveryId(certificateId, "registry-api")))
                        .withHeader("X-Source", equalTo("certhub"))
                        .withHeader("Content-Type", equalTo("application/vc+ld+json")));
        awaitEventState(eventOf(certificateId), "delivered");
    }

    @Test
    void anSftpOutageIsRetriedWithBackOffAndTheFileArrivesOnce() {
        SFTP_UP.set(false);
        String certificateId = certify(record());

        awaitDelivery(certificateId, "registry-drop", "failed");
        assertThat(SFTP_ROOT.resolve("drop").resolve(certificateId + ".json")).doesNotExist();
        SFTP_UP.set(true);

        awaitDelivery(certificateId, "registry-drop", "sent");
        assertThat(SFTP_ROOT.resolve("drop").resolve(certificateId + ".json")).exists();
    }

    @Test
    void aRefusalGoesToTheDeadLetterQueueAndAReplayDelivers() {
        REGISTRY.stubFor(WireMock.post(urlPathEqualTo("/certificates"))
                .willReturn(aResponse().withStatus(422)));
        String certificateId = certify(record());

        JsonNode dead = awaitDelivery(certificateId, "registry-api", "dead");
        assertThat(dead.toString()).contains("422");
        REGISTRY.verify(
                1,
                postRequestedFor(urlPathEqualTo("/certificates"))
                        .withHeader(
                                "Idempotency-Key", equalTo(DeliveryStore.deliveryId(certificateId, "registry-api"))));

        everySystemUp();
        // the row turns dead as the message leaves for the dead-letter queue: replay once it has arrived there
        await().atMost(WAIT)
                .until(
                        () -> post(
                                "/api/v1/admin/dead-letters/deliver-registry-api/replay",
                                "application/json",
                                "",
                                ADMIN_KEY),
                        replay -> replay.statusCode() == 200
                                && json(replay).get("replayed").asInt() >= 1);
        awaitDelivery(certificateId, "registry-api", "sent");
        REGISTRY.verify(
                1,
                postRequestedFor(urlPathEqualTo("/certificates"))
                        .withHeader(
                                "Idempotency-Key", equalTo(DeliveryStore.deliveryId(certificateId, "registry-api"))));
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static Path tempDir(String name) {
        try {
            return Files.createTempDirectory("certhub-camel-channel-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SshServer startSftp() {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("localhost");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(
                SFTP_ROOT.getParent().resolve(SFTP_ROOT.getFileName() + "-host-key.ser")));
        server.setPasswordAuthenticator(
                (user, password, session) -> SFTP_UP.get() && SFTP_USER.equals(user) && SFTP_PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(SFTP_ROOT));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    private static WireMockServer startRegistry() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    private static String record() {
        String id = "IMM-CAMEL-" + RECORDS.incrementAndGet() + "-" + UUID.randomUUID();
        return example("immunization-bundle.json").replace("IMM-2021-000147", id);
    }

    private String certify(String bundle) {
        HttpResponse<String> accepted = post("/fhir/r4", "application/fhir+json", bundle, API_KEY);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String eventId = json(accepted).get("id").asText();
        return await().atMost(WAIT)
                .until(
                        () -> json(get("/api/v1/events/" + eventId)),
                        e -> e.hasNonNull("certificateId")
                                && !e.get("certificateId").asText().isEmpty())
                .get("certificateId")
                .asText();
    }
}

package org.certhub.routes.scaleout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.certhub.routes.HubTestSupport;
import org.certhub.testsupport.KafkaServer;
import org.certhub.testsupport.PostgresServer;
import org.certhub.testsupport.Records;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin API's dead-letter replay on the scale-out profile, where a stage's dead-letter queue is a Kafka topic:
 * deliveries that a webhook receiver refused ("never", so dead-lettered at once) are replayed once the receiver is
 * fixed; each goes back to the stage topic under its original key and is delivered exactly once; the replay group
 * commits exactly the records it replayed, so a replay stopped at its bound leaves the rest to the next one.
 */
@ActiveProfiles("scale-out")
@DirtiesContext
class KafkaDeadLetterReplayIT extends HubTestSupport {

    private static final int MAX_PER_REPLAY = 5;
    private static final String HOOK = "/hook";
    private static final String DELIVER = "certhub.deliver.webhook";
    private static final String DEAD_LETTERS = DELIVER + ".dlq";
    private static final String REPLAY_GROUP = "certhub-dead-letter-replay";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final WireMockServer RECEIVER = startReceiver();
    private static final Records RECORDS =
            new Records(UUID.randomUUID().toString().substring(0, 8));
    private static int nextRecord;

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    static final KafkaServer KAFKA = new KafkaServer(DELIVER);

    @DynamicPropertySource
    static void scaleOutWithAWebhook(DynamicPropertyRegistry registry) {
        ScaleOutProperties.register(registry, POSTGRES, KAFKA);
        registry.add("certhub.channels.webhook.enabled", () -> "true");
        registry.add("certhub.channels.webhook.subscribers[0].id", () -> "registry");
        registry.add("certhub.channels.webhook.subscribers[0].url", () -> RECEIVER.baseUrl() + HOOK);
        registry.add("certhub.channels.webhook.subscribers[0].secret", () -> "webhook-secret-for-tests-0123456789");
        registry.add("certhub.channels.webhook.subscribers[0].programmes", () -> "*");
        registry.add("certhub.dead-letters.max-per-replay", () -> MAX_PER_REPLAY);
        registry.add("certhub.dead-letters.kafka-poll", () -> "PT1S");
    }

    @BeforeEach
    void receiverRefusesForGood() {
        RECEIVER.resetAll();
        RECEIVER.stubFor(WireMock.post(urlPathEqualTo(HOOK))
                .atPriority(10)
                .willReturn(aResponse().withStatus(422)));
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @Test
    void aReplayDeliversEveryDeadLetteredCertificateOnceAndCommitsExactlyWhatItReplayed() {
        Map<String, String> eventsByCertificate = deadLettered(MAX_PER_REPLAY - 1);
        receiverAccepts();

        assertThat(replay()).isEqualTo(MAX_PER_REPLAY - 1);

        eventsByCertificate.keySet().forEach(certificate -> awaitWebhookState(certificate, "SENT"));
        assertDeliveredExactlyOnce(eventsByCertificate);
        assertThat(committedReplays()).isEqualTo(deadLetterEnds());
        assertThat(replay()).isZero();
    }

    @Test
    void aReplayStoppedAtItsBoundLeavesExactlyTheRestToTheNext() {
        int deadLettered = MAX_PER_REPLAY + 3;
        long committedBefore = sum(committedReplays());
        Map<String, String> eventsByCertificate = deadLettered(deadLettered);
        receiverAccepts();

        assertThat(replay()).isEqualTo(MAX_PER_REPLAY);
        assertThat(sum(committedReplays())).isEqualTo(committedBefore + MAX_PER_REPLAY);
        await().atMost(WAIT).until(() -> webhookStates(eventsByCertificate.keySet(), "SENT") == MAX_PER_REPLAY);
        assertThat(webhookStates(eventsByCertificate.keySet(), "DEAD")).isEqualTo(deadLettered - MAX_PER_REPLAY);

        assertThat(replay()).isEqualTo(deadLettered - MAX_PER_REPLAY);
        eventsByCertificate.keySet().forEach(certificate -> awaitWebhookState(certificate, "SENT"));
        assertDeliveredExactlyOnce(eventsByCertificate);
        assertThat(committedReplays()).isEqualTo(deadLetterEnds());
        assertThat(replay()).isZero();
    }

    /** Posts {@code count} records whose webhook deliveries the receiver refuses; answers certificate id → event id. */
    private Map<String, String> deadLettered(int count) {
        long deadLettersBefore = KAFKA.recordsIn(DEAD_LETTERS);
        Map<String, String> eventsByCertificate = new HashMap<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> accepted =
                    post("/fhir/r4", "application/fhir+json", RECORDS.bundle(nextRecord++), API_KEY);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String eventId = json(accepted).get("id").asText();
            eventsByCertificate.put(awaitCertified(eventId), eventId);
        }
        eventsByCertificate.keySet().forEach(certificate -> awaitWebhookState(certificate, "DEAD"));
        await().atMost(WAIT).until(() -> KAFKA.recordsIn(DEAD_LETTERS) == deadLettersBefore + count);
        eventsByCertificate
                .keySet()
                .forEach(certificate -> assertThat(requests(certificate)).hasSize(1));
        return eventsByCertificate;
    }

    /**
     * Each certificate was refused once and accepted once, and went onto the stage topic twice (distribution and
     * replay), both times keyed by its event id.
     */
    private void assertDeliveredExactlyOnce(Map<String, String> eventsByCertificate) {
        Map<String, List<ConsumerRecord<String, String>>> queued = KAFKA.readAll(DELIVER).stream()
                .filter(record -> eventsByCertificate.containsKey(record.value()))
                .collect(Collectors.groupingBy(ConsumerRecord::value));
        eventsByCertificate.forEach((certificate, event) -> {
            assertThat(requests(certificate))
                    .extracting(request -> request.getResponse().getStatus())
                    .containsExactly(422, 200);
            assertThat(queued.get(certificate))
                    .hasSize(2)
                    .allSatisfy(record -> assertThat(record.key()).isEqualTo(event));
        });
    }

    private int replay() {
        HttpResponse<String> replay =
                post("/api/v1/admin/dead-letters/deliver-webhook/replay", "application/json", "", ADMIN_KEY);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        return json(replay).get("replayed").asInt();
    }

    /** The receiver is fixed (its request log is kept). */
    private static void receiverAccepts() {
        RECEIVER.stubFor(WireMock.post(urlPathEqualTo(HOOK)).atPriority(1).willReturn(okJson("{\"status\":\"ok\"}")));
    }

    /** The receiver's requests for one certificate, oldest first (WireMock lists the newest first). */
    private static List<ServeEvent> requests(String certificateId) {
        List<ServeEvent> requests = new ArrayList<>(RECEIVER.getAllServeEvents().stream()
                .filter(event -> {
                    String delivery = event.getRequest().getHeader("X-Certhub-Delivery");
                    return delivery != null && delivery.contains(certificateId);
                })
                .toList());
        Collections.reverse(requests);
        return requests;
    }

    private void awaitWebhookState(String certificateId, String state) {
        await().atMost(WAIT).until(() -> webhookStates(List.of(certificateId), state) == 1);
    }

    private int webhookStates(Collection<String> certificateIds, String state) {
        return certificateIds.stream()
                .mapToInt(certificate -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM delivery WHERE certificate_id = ? AND channel = 'webhook' AND state = ?",
                        Integer.class,
                        certificate,
                        state))
                .sum();
    }

    /** The replay group's committed offsets, with 0 for a partition it never committed. */
    private static Map<TopicPartition, Long> committedReplays() {
        Map<TopicPartition, Long> committed = KAFKA.committed(REPLAY_GROUP);
        return deadLetterEnds().keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> committed.getOrDefault(partition, 0L)));
    }

    private static Map<TopicPartition, Long> deadLetterEnds() {
        return KAFKA.endOffsets(DEAD_LETTERS);
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static WireMockServer startReceiver() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }
}

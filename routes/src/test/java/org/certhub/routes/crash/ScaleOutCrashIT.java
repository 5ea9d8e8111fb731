package org.certhub.routes.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.certhub.testsupport.HubProcess;
import org.certhub.testsupport.KafkaServer;
import org.certhub.testsupport.PostgresServer;
import org.certhub.testsupport.Records;
import org.certhub.testsupport.TestKeystore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crash safety in the scale-out mode: the hub process on PostgreSQL and the KRaft Kafka broker, both running in
 * the test JVM (so they survive the hub's SIGKILL, as they would on their own machines). Here the database can
 * also go away under a running hub: PostgreSQL is stopped in the middle of certification and delivery, stays down
 * well past the stages' bounded retry budget, and comes back on the same data and port.
 */
class ScaleOutCrashIT extends HubCrashSupport {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    static final KafkaServer KAFKA = new KafkaServer();

    /** The stages' bounded retry budget in the database test. */
    private static final int BOUNDED_REDELIVERIES = 3;

    /** The scale-out mode never makes keys: the operator's keystore, made here, survives the hub's restarts. */
    private static final Path KEYS = TestKeystore.create();

    private String database;

    @Override
    protected Map<String, String> modeProperties(Path dataDir) {
        database = POSTGRES.createDatabase();
        return Map.of(
                "spring.profiles.active", "scale-out",
                "spring.datasource.url", database,
                "spring.datasource.username", POSTGRES.username(),
                "spring.datasource.password", POSTGRES.password(),
                "camel.component.kafka.brokers", KAFKA.brokers(),
                "certhub.keys.dir", KEYS.toString());
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void withTheDatabaseRestartedUnderTheRunningHubNothingIsLostDeadLetteredOrSentTwice(TestInfo test)
            throws Exception {
        int records = 40;
        Records batch = records();
        Map<String, String> properties = hubProperties();
        // a bounded budget of about two seconds, which the outage outlasts many times over: only the unbounded
        // retrying of database faults saves the messages in flight
        properties.put("certhub.retry.maximum-redeliveries", Integer.toString(BOUNDED_REDELIVERIES));
        properties.put("certhub.retry.maximum-delay", "PT1S");
        properties.put("spring.datasource.hikari.connection-timeout", "1000");
        boolean databaseDown = false;
        try (HubProcess hub = new HubProcess(log(test), properties)) {
            hub.start();
            Map<String, String> events = new ConcurrentHashMap<>();
            List<HttpResponse<String>> refused = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> sending =
                    CompletableFuture.runAsync(() -> postUntilAccepted(hub, batch, records, events, refused));

            // the first mail is out: certification and delivery are both under way
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> mailed() > 0);
            POSTGRES.stop();
            databaseDown = true;
            long stopped = System.nanoTime();
            int acceptedAtStop = events.size();
            int mailedAtStop = mailed();
            assertThat(mailedAtStop).as("the stop hits delivery in progress").isLessThan(records);

            await().atMost(Duration.ofSeconds(30)).until(hub::readiness, status -> status == 503);
            HttpResponse<String> duringOutage = hub.post("/fhir/r4", "application/fhir+json", batch.bundle(0), API_KEY);
            assertThat(duringOutage.statusCode()).as(duringOutage.body()).isEqualTo(503);
            assertThat(duringOutage.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(HubProcess.json(duringOutage).path("resourceType").asText())
                    .isEqualTo("OperationOutcome");
            // down until messages were retried well past the bounded budget, unless they went to a dead-letter topic
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> deadLetters() > 0
                            || hub.logContains("On delivery attempt: " + (BOUNDED_REDELIVERIES + 3) + " caught"));
            assertThat(deadLetters())
                    .as("messages dead-lettered while the database was down")
                    .isZero();

            POSTGRES.restart();
            databaseDown = false;
            report(
                    "database down for %d s (stopped at %d of %d accepted, %d mailed); %d intake requests refused with 503",
                    (System.nanoTime() - stopped) / 1_000_000_000,
                    acceptedAtStop,
                    records,
                    mailedAtStop,
                    refused.size() + 1);
            await().atMost(Duration.ofSeconds(60)).until(hub::readiness, status -> status == 200);
            sending.get(3, TimeUnit.MINUTES);
            assertThat(events).hasSize(records);
            assertThat(refused)
                    .allSatisfy(answer -> assertThat(
                                    HubProcess.json(answer).path("resourceType").asText())
                            .isEqualTo("OperationOutcome"));

            awaitAllDelivered(hub, events.keySet(), Duration.ofSeconds(120));
            assertThat(hub.stop()).as("the hub stops gracefully").isTrue();

            assertExactlyOnce(events, records);
            try (Connection database = openDatabase(work.resolve("data"))) {
                assertThat(count(database, "SELECT COUNT(*) FROM delivery"))
                        .as("one delivery per certificate and channel")
                        .isEqualTo(records);
            }
            assertThat(deadLetters()).as("messages dead-lettered").isZero();
        } finally {
            if (databaseDown) {
                POSTGRES.restart();
            }
        }
    }

    /** The records in all dead-letter topics. */
    private static long deadLetters() {
        return KafkaServer.QUEUES.stream()
                .mapToLong(queue -> KAFKA.recordsIn(queue + ".dlq"))
                .sum();
    }

    /**
     * Posts the records as a well-behaved sender does: a {@code 503} (kept in {@code refused}) is sent again a little
     * later, until every record is accepted; event id to holder's address goes into {@code events}.
     */
    private static void postUntilAccepted(
            HubProcess hub, Records batch, int count, Map<String, String> events, List<HttpResponse<String>> refused) {
        IntStream.range(0, SENDERS).parallel().forEach(sender -> {
            for (int i = sender; i < count; i += SENDERS) {
                int record = i;
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            HttpResponse<String> answer =
                                    hub.post("/fhir/r4", "application/fhir+json", batch.bundle(record), API_KEY);
                            if (answer.statusCode() == 503) {
                                refused.add(answer);
                                return false;
                            }
                            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
                            events.put(HubProcess.json(answer).get("id").asText(), batch.email(record));
                            return true;
                        });
            }
        });
    }

    @Override
    protected Connection openDatabase(Path dataDir) throws SQLException {
        return DriverManager.getConnection(database, POSTGRES.username(), POSTGRES.password());
    }

    @Override
    protected String mode() {
        return "scale-out";
    }
}

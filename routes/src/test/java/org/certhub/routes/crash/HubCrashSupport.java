package org.certhub.routes.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.certhub.testsupport.HubProcess;
import org.certhub.testsupport.Records;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the whole hub, run as a separate process ({@link HubProcess}) on one data folder: killed with
 * SIGKILL in the middle of certification and again in the middle of delivery, and restarted, it still issues
 * exactly one certificate per record and mails each exactly once (at-least-once SMTP may resend a mail whose
 * send was not yet recorded: a resend carries the same Message-ID, so the recipient's mail system sees one
 * message). With the SMTP server down for a while, deliveries retry and nothing is lost. Subclasses pick the mode.
 */
abstract class HubCrashSupport {

    protected static final String API_KEY = "crash-test-key";
    protected static final int SENDERS = 4;

    @TempDir
    Path work;

    private GreenMail mail;
    private ServerSetup smtp;

    /** The mode's settings: database, queues, profile. */
    protected abstract Map<String, String> modeProperties(Path dataDir);

    /** Certificates, events and sent deliveries as the mode's database counts them, once the hub has stopped. */
    protected abstract Connection openDatabase(Path dataDir) throws SQLException;

    protected abstract String mode();

    @BeforeEach
    void startMail() {
        smtp = new ServerSetup(HubProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        mail = new GreenMail(smtp);
        mail.start();
    }

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    @Test
    @Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
    void killedDuringCertificationAndDuringDeliveryItStillCertifiesAndMailsEachRecordOnce(TestInfo test)
            throws Exception {
        int records = 60;
        long started = System.nanoTime();
        Records batch = records();
        try (HubProcess hub = new HubProcess(log(test), hubProperties())) {
            hub.start();
            // the senders keep posting while certification runs; the kill cuts both short
            Map<String, String> accepted = new ConcurrentHashMap<>();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> post(hub, batch, records, accepted));
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        int certified = certified(hub, Set.copyOf(accepted.keySet()));
                        return certified > 0 && certified < accepted.size();
                    });
            int acceptedBeforeKill = accepted.size();
            int certifiedBeforeKill = certified(hub, Set.copyOf(accepted.keySet()));
            hub.kill();
            sending.handle((done, failed) -> done).join();
            report(
                    "first SIGKILL (certifying): %d of %d accepted, %d certified",
                    acceptedBeforeKill, records, certifiedBeforeKill);

            // as a sender does, post again what was not acknowledged: the hub's idempotency keys make a repeat harmless
            hub.start();
            Map<String, String> events = new ConcurrentHashMap<>();
            post(hub, batch, records, events);
            assertThat(events).hasSize(records).containsAllEntriesOf(accepted);
            int mailedBeforeKill = mail.getReceivedMessages().length;
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> mail.getReceivedMessages().length, count -> count > mailedBeforeKill);
            int mailedBeforeSecondKill = mail.getReceivedMessages().length;
            hub.kill();
            report("second SIGKILL (delivering): %d of %d mailed", mailedBeforeSecondKill, records);
            assertThat(mailedBeforeSecondKill)
                    .as("the second kill hits delivery in progress")
                    .isLessThan(records);

            hub.start();
            awaitAllDelivered(hub, events.keySet(), Duration.ofSeconds(240));
            assertThat(hub.stop()).as("the hub stops gracefully").isTrue();
            report(
                    "recovered: all %d delivered after two kills in %d s",
                    records, (System.nanoTime() - started) / 1_000_000_000);

            assertExactlyOnce(events, records);
        }
    }

    @Test
    @Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
    void withTheSmtpServerDownForAWhileDeliveriesRetryAndNothingIsLost(TestInfo test) throws Exception {
        int records = 20;
        try (HubProcess hub = new HubProcess(log(test), hubProperties())) {
            hub.start();
            mail.stop();
            Map<String, String> events = new ConcurrentHashMap<>();
            post(hub, records(), records, events);
            assertThat(events).hasSize(records);

            await().atMost(Duration.ofSeconds(120)).until(() -> certified(hub, events.keySet()) == records);
            await().atMost(Duration.ofSeconds(60)).until(() -> failedAttempts(hub, events.keySet()) > 0);
            report(
                    "SMTP down: %d of %d certified, %d deliveries with failed attempts",
                    records, records, failedAttempts(hub, events.keySet()));

            mail = new GreenMail(smtp);
            mail.start();
            awaitAllDelivered(hub, events.keySet(), Duration.ofSeconds(120));
            assertThat(hub.stop()).as("the hub stops gracefully").isTrue();

            assertExactlyOnce(events, records);
        }
    }

    /** How many mails the SMTP server has received so far. */
    protected int mailed() {
        return mail.getReceivedMessages().length;
    }

    /** The hub's output, kept in target/ for a look after a failure. */
    protected Path log(TestInfo test) throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "crash-logs"));
        Path log =
                logs.resolve(mode() + "-" + test.getTestMethod().orElseThrow().getName() + ".log");
        Files.deleteIfExists(log);
        return log;
    }

    protected Map<String, String> hubProperties() throws IOException {
        Path dataDir = Files.createDirectories(work.resolve("data"));
        Map<String, String> properties = new HashMap<>(modeProperties(dataDir));
        properties.put("certhub.data-dir", dataDir.toString());
        properties.put("certhub.api-key", API_KEY);
        properties.put("certhub.mail.host", smtp.getBindAddress());
        properties.put("certhub.mail.port", Integer.toString(smtp.getPort()));
        properties.put("certhub.mail.security", "none");
        // the retries outlast the SMTP outage of the test: about 25 s in all
        properties.put("certhub.retry.initial-delay", "PT0.2S");
        properties.put("certhub.retry.maximum-delay", "PT2S");
        properties.put("certhub.retry.maximum-redeliveries", "15");
        // time is compressed here: the circuit breaker's open window too, so that retries outlast it as in production
        properties.put("certhub.channels.circuit-breaker.wait-in-open", "PT1S");
        properties.put("certhub.requeue.period", "PT5S");
        properties.put("certhub.requeue.after", "PT30S");
        properties.put("camel.main.shutdown-timeout", "5");
        properties.put("logging.level.root", "WARN");
        // what happened to each event, for a look at target/crash-logs after a failure
        properties.put("logging.level.org.certhub", "INFO");
        return properties;
    }

    protected static Records records() {
        return new Records(UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * Posts the records with a few concurrent senders, putting event id to holder's address into {@code events}
     * for each one accepted; a sender stops at the first request the hub does not answer (it was killed).
     */
    private static void post(HubProcess hub, Records batch, int count, Map<String, String> events) {
        IntStream.range(0, SENDERS).parallel().forEach(sender -> {
            try {
                for (int i = sender; i < count; i += SENDERS) {
                    HttpResponse<String> answer =
                            hub.post("/fhir/r4", "application/fhir+json", batch.bundle(i), API_KEY);
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
                    events.put(HubProcess.json(answer).get("id").asText(), batch.email(i));
                }
            } catch (UncheckedIOException hubGone) {
                // the sender retries later what was not acknowledged
            }
        });
    }

    private static int certified(HubProcess hub, Set<String> events) {
        return (int) events.stream()
                .map(id -> hub.getJson("/api/v1/events/" + id))
                .filter(event -> event.hasNonNull("certificateId"))
                .count();
    }

    protected static void awaitAllDelivered(HubProcess hub, Set<String> events, Duration timeout) {
        try {
            await().atMost(timeout).until(() -> states(hub, events).getOrDefault("delivered", 0L) == events.size());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "not all delivered after " + timeout + ": events by state " + states(hub, events)
                            + "; the hub's log ends:\n" + hub.logTail(),
                    e);
        }
    }

    private static Map<String, Long> states(HubProcess hub, Set<String> events) {
        return events.stream()
                .map(id -> hub.getJson("/api/v1/events/" + id).path("state").asText())
                .collect(Collectors.groupingBy(state -> state, Collectors.counting()));
    }

    private static int failedAttempts(HubProcess hub, Set<String> events) {
        int failed = 0;
        for (String id : events) {
            JsonNode event = hub.getJson("/api/v1/events/" + id);
            if (event.hasNonNull("certificateId")) {
                JsonNode deliveries = hub.getJson("/api/v1/certificates/"
                                + event.get("certificateId").asText() + "/deliveries")
                        .path("deliveries");
                for (JsonNode delivery : deliveries) {
                    if (delivery.path("attempts").asInt() > 0
                            && !"sent".equals(delivery.path("state").asText())) {
                        failed++;
                    }
                }
            }
        }
        return failed;
    }

    /**
     * Exactly one certificate per record in the database, every delivery sent, and one mail per certificate:
     * every holder got mail, and any resend is the same message (same Message-ID, same holder).
     */
    protected void assertExactlyOnce(Map<String, String> events, int records) throws Exception {
        try (Connection database = openDatabase(work.resolve("data"))) {
            assertThat(count(database, "SELECT COUNT(*) FROM vaccination_event"))
                    .isEqualTo(records);
            assertThat(count(database, "SELECT COUNT(*) FROM certificate")).isEqualTo(records);
            assertThat(count(database, "SELECT COUNT(DISTINCT event_id) FROM certificate"))
                    .isEqualTo(records);
            assertThat(count(database, "SELECT COUNT(*) FROM delivery WHERE state = 'SENT'"))
                    .isEqualTo(records);
        }
        MimeMessage[] received = mail.getReceivedMessages();
        Map<String, Set<String>> holdersByMessageId = new HashMap<>();
        for (MimeMessage message : received) {
            holdersByMessageId
                    .computeIfAbsent(message.getMessageID(), id -> new java.util.HashSet<>())
                    .add(holder(message));
        }
        report(
                "mails: %d received, %d distinct Message-IDs, %d resent",
                received.length, holdersByMessageId.size(), received.length - holdersByMessageId.size());
        assertThat(holdersByMessageId)
                .hasSize(records)
                .allSatisfy((id, holders) -> assertThat(holders).hasSize(1));
        assertThat(holdersByMessageId.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(events.values());
    }

    private static String holder(MimeMessage message) {
        try {
            return List.of(message.getAllRecipients()).get(0).toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static int count(Connection database, String sql) throws SQLException {
        try (Statement statement = database.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    protected void report(String format, Object... values) {
        System.out.printf("[" + mode() + " crash] " + format + "%n", values);
    }
}

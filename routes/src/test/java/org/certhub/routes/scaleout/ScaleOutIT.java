package org.certhub.routes.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certhub.routes.HubTestSupport;
import org.certhub.testsupport.KafkaServer;
import org.certhub.testsupport.PostgresServer;
import org.certhub.testsupport.Records;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scale-out profile end to end on real servers: PostgreSQL (Debian's binaries, {@link PostgresServer}) and a
 * KRaft Kafka broker ({@link KafkaServer}), mailing to GreenMail. Records posted over HTTP are each certified once
 * and mailed once; the queues are Kafka topics keyed by event id; a redelivered message changes nothing.
 */
@ActiveProfiles("scale-out")
@DirtiesContext
class ScaleOutIT extends HubTestSupport {

    private static final int RECORDS = 40;
    private static final int SENDERS = 4;

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    static final KafkaServer KAFKA = new KafkaServer();

    @DynamicPropertySource
    static void scaleOut(DynamicPropertyRegistry registry) {
        ScaleOutProperties.register(registry, POSTGRES, KAFKA);
    }

    @Test
    void everyPostedRecordIsCertifiedOnceAndMailedOnceThroughKafkaAndPostgres() throws Exception {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isPositive();

        Records records = new Records(UUID.randomUUID().toString().substring(0, 8));
        Map<String, String> eventEmails = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        IntStream.range(0, SENDERS).parallel().forEach(sender -> {
            for (int i = sender; i < RECORDS; i += SENDERS) {
                HttpResponse<String> accepted = post("/fhir/r4", "application/fhir+json", records.bundle(i), API_KEY);
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                eventEmails.put(json(accepted).get("id").asText(), records.email(i));
            }
        });
        assertThat(eventEmails).hasSize(RECORDS);

        await().atMost(Duration.ofSeconds(120)).until(() -> deliveredEvents() == RECORDS);
        System.out.printf(
                "scale-out: %d records certified and mailed in %d ms%n",
                RECORDS, (System.nanoTime() - started) / 1_000_000);

        assertThat(rows("certificate")).isEqualTo(RECORDS);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT event_id) FROM certificate", Integer.class))
                .isEqualTo(RECORDS);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM delivery WHERE state = 'SENT' AND attempts = 1", Integer.class))
                .isEqualTo(RECORDS);
        assertThat(recipients(MAIL.getReceivedMessages())).containsExactlyInAnyOrderElementsOf(eventEmails.values());

        // every stage's queue is a Kafka topic keyed by event id, so one certificate's work stays on one partition
        Map<String, String> certified = jdbc.query("SELECT event_id, id FROM certificate", rs -> {
            Map<String, String> rows = new HashMap<>();
            while (rs.next()) {
                rows.put(rs.getString("id"), rs.getString("event_id"));
            }
            return rows;
        });
        List<ConsumerRecord<String, String>> certify = KAFKA.readAll("certhub.certify");
        assertThat(certify)
                .hasSize(RECORDS)
                .allSatisfy(queued -> assertThat(queued.key()).isEqualTo(queued.value()));
        assertThat(certify).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(eventEmails.keySet());
        List<ConsumerRecord<String, String>> issued = KAFKA.readAll("certhub.certificate.issued");
        assertThat(issued)
                .hasSize(RECORDS)
                .allSatisfy(announced -> assertThat(announced.key()).isEqualTo(certified.get(announced.value())));
        assertThat(KAFKA.readAll("certhub.deliver.email"))
                .hasSize(RECORDS)
                .allSatisfy(queued -> assertThat(queued.key()).isEqualTo(certified.get(queued.value())));
        assertThat(KAFKA.readAll("certhub.certify.dlq")).isEmpty();
        assertThat(KAFKA.readAll("certhub.deliver.email.dlq")).isEmpty();

        // the consumers commit what they processed
        await().atMost(Duration.ofSeconds(30))
                .until(() -> committed("certhub-certify") == RECORDS && committed("certhub-deliver-email") == RECORDS);

        // a redelivered certify and deliver message (as after a crash before the commit) issues and mails nothing new
        String anEvent = certify.get(0).value();
        String itsCertificate =
                jdbc.queryForObject("SELECT id FROM certificate WHERE event_id = ?", String.class, anEvent);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("certhub.certify", anEvent, anEvent))
                    .get();
            producer.send(new ProducerRecord<>("certhub.deliver.email", anEvent, itsCertificate))
                    .get();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> committed("certhub-certify") == RECORDS + 1
                        && committed("certhub-deliver-email") == RECORDS + 1);
        assertThat(rows("certificate")).isEqualTo(RECORDS);
        assertThat(MAIL.getReceivedMessages()).hasSize(RECORDS);
    }

    @Test
    void livenessLeavesOutTheDatabaseAndKafkaWhileReadinessAnswers() {
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json(liveness).get("status").asText()).isEqualTo("UP");
        assertThat(liveness.body()).doesNotContain("db", "kafka", "camel");

        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness).get("status").asText()).isEqualTo("UP");
    }

    private int deliveredEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM vaccination_event WHERE state = 'DELIVERED'", Integer.class);
    }

    private static List<String> recipients(MimeMessage[] messages) throws Exception {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : messages) {
            recipients.addAll(Arrays.stream(message.getAllRecipients())
                    .map(Address::toString)
                    .toList());
        }
        return recipients;
    }

    /** The offsets a consumer group committed, summed over the partitions of its topic. */
    private static long committed(String group) {
        return KAFKA.committed(group).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.brokers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }
}

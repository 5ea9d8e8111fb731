package org.certhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** FHIR records on the ingest topic of a real broker: a good one is certified, a bad one lands on the DLQ with its outcome. */
class KafkaIngestIT extends ExternalSourcesTestSupport {

    @Test
    void aGoodRecordIsCertified() throws Exception {
        String bundle = example("immunization-bundle.json")
                .replace("\"value\": \"IMM-2021-000147\"", "\"value\": \"KAFKA-GOOD-1\"");
        assertThat(bundle).contains("KAFKA-GOOD-1");

        produce("good-1", bundle);

        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM vaccination_event WHERE certificate_id IS NOT NULL AND idempotency_key = ?",
                                Integer.class,
                                "kafka:" + INGEST_TOPIC + "|https://example.org/fhir/immunizations|KAFKA-GOOD-1"),
                        count -> count == 1);
    }

    @Test
    void aBadRecordLandsOnTheDeadLetterTopicWithItsOperationOutcome() throws Exception {
        String bad =
                "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [{\"resource\": {\"resourceType\": \"Patient\"}}]}";
        int before = rows("vaccination_event");

        produce("bad-1", bad);

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG, "kafka-ingest-it",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(INGEST_TOPIC + ".dlq"));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.stream().anyMatch(r -> bad.equals(r.value()));
            });
            ConsumerRecord<String, String> dead = received.stream()
                    .filter(r -> bad.equals(r.value()))
                    .findFirst()
                    .orElseThrow();
            Header outcome = dead.headers().lastHeader("certhub-operation-outcome");
            assertThat(outcome).isNotNull();
            String text = new String(outcome.value(), StandardCharsets.UTF_8);
            assertThat(text).contains("\"resourceType\":\"OperationOutcome\"").contains("Immunization");
            assertThat(dead.key()).isEqualTo("bad-1");
        }
        assertThat(rows("vaccination_event")).isEqualTo(before);
    }

    private static void produce(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(INGEST_TOPIC, key, value)).get();
        }
    }
}

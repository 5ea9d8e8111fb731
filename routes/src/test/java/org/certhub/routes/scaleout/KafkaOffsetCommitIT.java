package org.certhub.routes.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certhub.testsupport.KafkaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The consumer options every Kafka consumer of the hub uses ({@code certhub.kafka.consumer-options} in
 * application.yaml): a record is committed only once its exchange has completed, and a record whose exchange
 * failed is read again rather than skipped.
 */
class KafkaOffsetCommitIT {

    private static final String TOPIC = "certhub.offset-commit-test";
    private static final String GROUP = "offset-commit-test";
    private static final int RECORDS = 50;

    @RegisterExtension
    static final KafkaServer KAFKA = new KafkaServer();

    @Test
    @SuppressWarnings("try") // the context is closed by the block; its close() may throw InterruptedException
    void aFailedRecordIsReadAgainAndEveryProcessedRecordIsCommitted() throws Exception {
        try (AdminClient admin = admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        String options = consumerOptions();
        List<String> processed = new CopyOnWriteArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getComponent("kafka", KafkaComponent.class).getConfiguration().setBrokers(KAFKA.brokers());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // spotless:off: a route reads as its flow, one step per line, nested steps indented
                    // no error handler: the exchange of record 20 fails once, as when the dead-letter send fails too
                    errorHandler(noErrorHandler());
                    from("kafka:" + TOPIC + "?groupId=" + GROUP + "&autoOffsetReset=earliest&" + options)
                            .process(exchange -> {
                                String body = exchange.getIn().getBody(String.class);
                                if (body.equals("20") && failedOnce.compareAndSet(false, true)) {
                                    throw new IllegalStateException("database unreachable");
                                }
                                processed.add(body);
                            });
                    // spotless:on
                }
            });
            camel.start();
            try (KafkaProducer<String, String> producer = producer()) {
                for (int i = 0; i < RECORDS; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, String.valueOf(i), String.valueOf(i)))
                            .get();
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> committed() == RECORDS);
        }
        assertThat(failedOnce).isTrue();
        // nothing skipped: the failed record came back, and records before it were not processed twice
        assertThat(processed)
                .containsExactlyElementsOf(
                        IntStream.range(0, RECORDS).mapToObj(String::valueOf).toList());
    }

    private static String consumerOptions() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties properties = Objects.requireNonNull(yaml.getObject());
        return Objects.requireNonNull(properties.getProperty("certhub.kafka.consumer-options"));
    }

    private static long committed() throws Exception {
        try (AdminClient admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            return offsets.values().stream()
                    .filter(Objects::nonNull)
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }

    private static AdminClient admin() {
        return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.brokers()));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.brokers()),
                new StringSerializer(),
                new StringSerializer());
    }
}

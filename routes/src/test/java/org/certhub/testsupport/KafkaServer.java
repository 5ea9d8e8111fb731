package org.certhub.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker for tests: one in-JVM KRaft node (spring-kafka-test's {@link EmbeddedKafkaKraftBroker})
 * for each test class that registers it, with the topics of the scale-out profile and their dead-letter topics
 * created up front with several partitions, as {@code deploy/kafka/topics.sh} creates them. A class gets topics
 * no other class wrote to; the broker stops after the class, once its application contexts are closed.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaServer KAFKA = new KafkaServer();
 * ... KAFKA.brokers()
 * }</pre>
 * A class that enables more channels names their queues: {@code new KafkaServer("certhub.deliver.webhook")}.
 */
public final class KafkaServer implements BeforeAllCallback {

    /** The topics of config/application-scale-out.yaml with the e-mail channel enabled. */
    public static final List<String> QUEUES =
            List.of("certhub.ingest", "certhub.certify", "certhub.certificate.issued", "certhub.deliver.email");

    public static final int PARTITIONS = 4;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaServer.class);

    private final List<String> queues;
    private Broker broker;

    /** A broker with {@link #QUEUES} and {@code moreQueues}, each with its dead-letter topic. */
    public KafkaServer(String... moreQueues) {
        this.queues = Stream.concat(QUEUES.stream(), Stream.of(moreQueues)).toList();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // the class's store closes after every afterAll callback, Spring's closing of a dirtied context included
        broker = context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(Broker.class, type -> Broker.start(queues), Broker.class);
    }

    /** The bootstrap servers, {@code host:port}. */
    public String brokers() {
        if (broker == null) {
            throw new IllegalStateException(
                    "KafkaServer is used before its beforeAll: register it as a static @RegisterExtension field");
        }
        return broker.kafka.getBrokersAsString();
    }

    /** How many records were ever written to {@code topic} (the sum of its partitions' end offsets). */
    public long recordsIn(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The end offset of each partition of {@code topic}. */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> ends = IntStream.range(0, PARTITIONS)
                    .boxed()
                    .collect(Collectors.toMap(
                            partition -> new TopicPartition(topic, partition), partition -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, end -> end.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The offsets {@code group} committed, per partition (partitions it never committed are left out). */
    public Map<TopicPartition, Long> committed(String group) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            return offsets.entrySet().stream()
                    .filter(offset -> offset.getValue() != null)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, offset -> offset.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of a consumer group", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record in {@code topic} so far, read outside any consumer group. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream()
                        .allMatch(partition ->
                                consumer.position(partition) >= Objects.requireNonNull(end.get(partition)));
            });
            return records;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()));
    }

    private record Broker(EmbeddedKafkaKraftBroker kafka) implements ExtensionContext.Store.CloseableResource {

        static Broker start(List<String> queues) {
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
            kafka.brokerProperty("auto.create.topics.enable", "false");
            kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
            kafka.afterPropertiesSet();
            kafka.addTopics(queues.stream()
                    .flatMap(queue -> Stream.of(queue, queue + ".dlq"))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                    .toArray(NewTopic[]::new));
            return new Broker(kafka);
        }

        @Override
        public void close() {
            kafka.destroy();
        }
    }
}

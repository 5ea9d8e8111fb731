package org.certhub.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
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
 */
public final class KafkaServer implements BeforeAllCallback {

    /** The topics of config/application-scale-out.yaml with the e-mail channel enabled. */
    public static final List<String> QUEUES = List.of("certhub.ingest", "certhub.certify", "certhub.certificate.issued",
            "certhub.deliver.email");
    public static final int PARTITIONS = 4;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaServer.class);

    private Broker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        // the class's store closes after every afterAll callback, Spring's closing of a dirtied context included
        broker = context.getStore(NAMESPACE).getOrComputeIfAbsent(Broker.class, type -> Broker.start(), Broker.class);
    }

    /** The bootstrap servers, {@code host:port}. */
    public String brokers() {
        if (broker == null) {
            throw new IllegalStateException("KafkaServer is used before its beforeAll: register it as a static @RegisterExtension field");
        }
        return broker.kafka.getBrokersAsString();
    }

    /** How many records were ever written to {@code topic} (the sum of its partitions' end offsets). */
    public long recordsIn(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
            Map<TopicPartition, OffsetSpec> ends = IntStream.range(0, PARTITIONS).boxed()
                    .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition), partition -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Broker(EmbeddedKafkaKraftBroker kafka) implements ExtensionContext.Store.CloseableResource {

        static Broker start() {
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
            kafka.brokerProperty("auto.create.topics.enable", "false");
            kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
            kafka.afterPropertiesSet();
            kafka.addTopics(QUEUES.stream()
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

package org.certhub.routes.api.admin;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.stereotype.Component;

/**
 * Reads a Kafka dead-letter topic for a replay, exactly: a consumer of the replay group
 * ({@code certhub.dead-letters.kafka-group}) on all the topic's partitions, with no automatic commits, starting
 * at the group's committed offsets (the earliest record when there are none). Each record is handed to the
 * replayer, which returns once it has been sent on; then, per poll, the group commits the offsets of the records
 * replayed and of no other, also when a replay stops at its bound or on a failure. The consumer lives for one
 * replay. It takes the Kafka component's client settings (brokers, TLS, SASL), like the stages' consumers.
 */
@Component
public class KafkaDeadLetters {

    /** Sends one dead-lettered record back to its stage; returns once the send is acknowledged. */
    @FunctionalInterface
    interface Replayer {
        void replay(String key, String value);
    }

    private final CamelContext camel;
    private final String group;
    private final Duration poll;

    KafkaDeadLetters(CamelContext camel, DeadLetterProperties properties) {
        this.camel = camel;
        this.group = properties.kafkaGroup();
        this.poll = properties.kafkaPoll();
    }

    /** Replays at most {@code max} records of {@code topic}; stops early when a poll finds nothing new. */
    int replay(String topic, int max, Replayer replayer) {
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(settings(), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return 0; // the topic does not exist: nothing was ever dead-lettered here
            }
            consumer.assign(partitions);
            int replayed = 0;
            ConsumerRecords<String, String> records;
            while (replayed < max && !(records = consumer.poll(poll)).isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                try {
                    for (ConsumerRecord<String, String> record : records) {
                        if (replayed == max) {
                            break;
                        }
                        replayer.replay(record.key(), record.value());
                        done.put(
                                new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                        replayed++;
                    }
                } finally {
                    if (!done.isEmpty()) {
                        consumer.commitSync(done);
                    }
                }
            }
            return replayed;
        }
    }

    Properties settings() {
        KafkaConfiguration configuration =
                camel.getComponent("kafka", KafkaComponent.class).getConfiguration();
        Properties settings = configuration.createConsumerProperties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, configuration.getBrokers());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        settings.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        settings.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        return settings;
    }
}

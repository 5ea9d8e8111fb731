package org.certhub.routes.api.admin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.certhub.routes.certify.QueueForCertificationRoute;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.distribute.Channels;
import org.certhub.routes.store.DeliveryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Moves the messages of a stage's dead-letter queue back onto the stage's queue after an outage. Queues are
 * named logically ({@code certify}, {@code certificate-issued}, {@code deliver-<channel>}) and mapped to the
 * configured endpoints; no endpoint is ever built from request text. A replayed delivery's row goes from
 * {@code dead} back to {@code queued}.
 * <p>
 * JMS dead-letter queues are drained with non-blocking receives. A Kafka dead-letter topic is read by the
 * dedicated consumer group {@code certhub.dead-letters.kafka-group} (default {@code certhub-dead-letter-replay}),
 * whose committed offsets remember what was replayed; each poll waits {@code certhub.dead-letters.kafka-poll}.
 */
@Component
public class DeadLetterReplay {

    /** A bound against replaying forever when replayed messages fail straight back into the dead-letter queue. */
    static final int MAX_PER_REPLAY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final String DELIVER_PREFIX = "deliver-";

    private final ConsumerTemplate consumer;
    private final ProducerTemplate producer;
    private final DeliveryStore deliveries;
    private final CerthubProperties.Queues queues;
    private final Map<String, String> byName = new LinkedHashMap<>();
    private final String kafkaGroup;
    private final Duration kafkaPoll;

    public DeadLetterReplay(ConsumerTemplate consumer, ProducerTemplate producer, DeliveryStore deliveries,
                            CerthubProperties properties, Channels channels,
                            @Value("${certhub.dead-letters.kafka-group:certhub-dead-letter-replay}") String kafkaGroup,
                            @Value("${certhub.dead-letters.kafka-poll:PT2S}") Duration kafkaPoll) {
        this.consumer = consumer;
        this.producer = producer;
        this.deliveries = deliveries;
        this.queues = properties.queues();
        this.kafkaGroup = kafkaGroup;
        this.kafkaPoll = kafkaPoll;
        byName.put("certify", queues.certify());
        byName.put("certificate-issued", queues.certificateIssued());
        channels.names().stream().sorted().forEach(channel -> byName.put(DELIVER_PREFIX + channel, queues.deliver(channel)));
    }

    /** The logical queue names an administrator may replay. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(byName.keySet());
    }

    /** Replays every message of the named queue's dead-letter queue; empty when no queue has that name. */
    public Optional<Integer> replay(String name) {
        String queue = byName.get(name);
        if (queue == null) {
            return Optional.empty();
        }
        String channel = name.startsWith(DELIVER_PREFIX) ? name.substring(DELIVER_PREFIX.length()) : null;
        String deadLetters = queues.deadLetter(queue);
        boolean kafka = deadLetters.startsWith("kafka:");
        String source = kafka ? deadLetters + "?groupId=" + kafkaGroup + "&autoOffsetReset=earliest" : deadLetters;
        int replayed = 0;
        while (replayed < MAX_PER_REPLAY) {
            String body = kafka ? consumer.receiveBody(source, kafkaPoll.toMillis(), String.class)
                    : consumer.receiveBodyNoWait(source, String.class);
            if (body == null) {
                break;
            }
            if (channel != null) {
                deliveries.requeue(DeliveryStore.deliveryId(body, channel));
            }
            producer.sendBodyAndHeader(queue, body, QueueForCertificationRoute.KAFKA_KEY, body);
            replayed++;
        }
        LOG.info("replayed {} message(s) from the dead-letter queue of {}", replayed, name);
        return Optional.of(replayed);
    }
}

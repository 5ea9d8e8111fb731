package org.certhub.routes.api.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.certhub.routes.certify.QueueForCertificationRoute;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.distribute.Channels;
import org.certhub.routes.store.DeliveryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves the messages of a stage's dead-letter queue back onto the stage's queue after an outage. Queues are
 * named logically ({@code certify}, {@code certificate-issued}, {@code deliver-<channel>}) and mapped to the
 * configured endpoints; no endpoint is ever built from request text. A replayed delivery's row goes from
 * {@code dead} back to {@code queued}. One replay moves at most {@code certhub.dead-letters.max-per-replay}
 * messages (a bound against replaying forever when replayed messages fail straight back); the next replay goes on
 * with the rest.
 * <p>
 * JMS dead-letter queues are drained with non-blocking receives. A Kafka dead-letter topic is read by
 * {@link KafkaDeadLetters}: each record goes back to the stage topic with its key, and the replay group's offsets
 * are committed only for records whose send was acknowledged, so a record is replayed once and never skipped.
 */
@Component
public class DeadLetterReplay {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final String DELIVER_PREFIX = "deliver-";
    private static final String KAFKA = "kafka:";

    private final ConsumerTemplate consumer;
    private final ProducerTemplate producer;
    private final DeliveryStore deliveries;
    private final KafkaDeadLetters kafka;
    private final CerthubProperties.Queues queues;
    private final Map<String, String> byName = new LinkedHashMap<>();
    private final int maxPerReplay;

    public DeadLetterReplay(
            ConsumerTemplate consumer,
            ProducerTemplate producer,
            DeliveryStore deliveries,
            KafkaDeadLetters kafka,
            CerthubProperties properties,
            Channels channels,
            DeadLetterProperties deadLetters) {
        this.consumer = consumer;
        this.producer = producer;
        this.deliveries = deliveries;
        this.kafka = kafka;
        this.queues = properties.queues();
        this.maxPerReplay = deadLetters.maxPerReplay();
        byName.put("certify", queues.certify());
        byName.put("certificate-issued", queues.certificateIssued());
        channels.names().stream()
                .sorted()
                .forEach(channel -> byName.put(DELIVER_PREFIX + channel, queues.deliver(channel)));
    }

    /** The logical queue names an administrator may replay. */
    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    /** Replays the messages of the named queue's dead-letter queue; empty when no queue has that name. */
    public Optional<Integer> replay(String name) {
        String queue = byName.get(name);
        if (queue == null) {
            return Optional.empty();
        }
        String channel = name.startsWith(DELIVER_PREFIX) ? name.substring(DELIVER_PREFIX.length()) : null;
        String deadLetters = queues.deadLetter(queue);
        int replayed;
        if (deadLetters.startsWith(KAFKA)) {
            replayed = kafka.replay(
                    deadLetters.substring(KAFKA.length()),
                    maxPerReplay,
                    (key, body) -> send(queue, channel, key, body));
        } else {
            replayed = 0;
            String body;
            while (replayed < maxPerReplay && (body = consumer.receiveBodyNoWait(deadLetters, String.class)) != null) {
                send(queue, channel, body, body);
                replayed++;
            }
        }
        LOG.info("replayed {} message(s) from the dead-letter queue of {}", replayed, name);
        return Optional.of(replayed);
    }

    private void send(String queue, String channel, String key, String body) {
        if (channel != null) {
            deliveries.requeue(DeliveryStore.deliveryId(body, channel));
        }
        producer.sendBodyAndHeader(queue, body, QueueForCertificationRoute.KAFKA_KEY, key);
    }
}

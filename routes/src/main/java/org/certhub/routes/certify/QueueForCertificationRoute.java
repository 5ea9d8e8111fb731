package org.certhub.routes.certify;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The one way onto the certify queue: the message carries the event id and nothing else of the request that
 * brought it (no HTTP headers, no API keys), keyed by event id so that one event's work stays in order on one
 * partition when the queue is a Kafka topic.
 */
@Component
public class QueueForCertificationRoute extends RouteBuilder {

    /** Camel Kafka's record key header; JMS carries it as an ordinary property. */
    public static final String KAFKA_KEY = "kafka.KEY";

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        from("direct:queue-for-certification").routeId("queue-for-certification")
                .removeHeaders("*")
                .setHeader(KAFKA_KEY, body())
                .to("{{certhub.queues.certify}}").id("enqueue-event");
        // spotless:on
    }
}

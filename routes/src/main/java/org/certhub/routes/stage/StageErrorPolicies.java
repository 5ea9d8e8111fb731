package org.certhub.routes.stage;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.id.spi.IdVerificationRejectedException;
import org.certhub.connectors.payment.spi.PaymentRejectedException;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.config.CircuitOpenException;
import org.certhub.routes.config.InfrastructureFaults;
import org.certhub.routes.config.IngestProperties;
import org.certhub.routes.distribute.Channels;
import org.certhub.routes.distribute.DeliveryService;
import org.certhub.routes.store.EventStore;
import org.springframework.stereotype.Component;

/**
 * The error policy of every queue-fed stage: redelivery with exponential back-off, then the stage's own
 * dead-letter queue ({@code <queue>.dlq}) with the original message, so that a replay starts from where it
 * failed. Failures that no retry can mend skip the retries. Each stage records its failures where users see
 * them: the event's state, or the delivery row. A delivery channel's open circuit breaker is an outage like any
 * other: retried.
 *
 * <p>An unreachable database ({@link InfrastructureFaults}), or an outside system whose circuit breaker is open
 * ({@link CircuitOpenException}), is not the message's fault: such a message is retried
 * without limit, with the same back-off capped at {@code certhub.retry.maximum-delay}, until the database (or
 * the system) is back, and is never dead-lettered for it. It is no failed attempt either (nothing could be recorded anyway). While it
 * retries, the stage's consumer holds the message: a JMS transaction stays open, a Kafka consumer does not poll on,
 * so no later offset is committed over it (an outage longer than Kafka's {@code max.poll.interval.ms}, five minutes
 * by default, costs a rebalance and a redelivery, which the database's unique keys absorb, never a loss).
 */
@Component
public class StageErrorPolicies extends RouteConfigurationBuilder {
    // spotless:off: route definitions read as their flow, one step per line

    /**
     * The exchange property holding the id of the event a certify message is about: the steps replace the body, and
     * a failure recorded after any of them must still name the event.
     */
    public static final String EVENT_ID = "certhubEventId";

    private final CerthubProperties properties;
    private final Channels channels;
    private final EventStore events;
    private final DeliveryService deliveries;
    private final String ingestTopic;

    public StageErrorPolicies(CerthubProperties properties, IngestProperties ingest, Channels channels, EventStore events,
                              DeliveryService deliveries) {
        this.properties = properties;
        this.ingestTopic = ingest.kafka().topic();
        this.channels = channels;
        this.events = events;
        this.deliveries = deliveries;
    }

    @Override
    public void configuration() {
        CerthubProperties.Queues queues = properties.queues();
        stage("ingest-kafka-errors", "kafka:" + ingestTopic, noOp(), noOp());
        stage("certify-errors", queues.certify(), noOp(),
                exchange -> events.markFailed(exchange.getProperty(EVENT_ID, exchange.getIn().getBody(String.class), String.class),
                        reason(exchange)));
        stage("distribute-errors", queues.certificateIssued(), noOp(), noOp());
        for (String channel : channels.names()) {
            stage("deliver-" + channel + "-errors", queues.deliver(channel),
                    exchange -> {
                        if (!InfrastructureFaults.isInfrastructureFault(cause(exchange))) {
                            deliveries.attemptFailed(exchange.getIn().getBody(String.class), channel, cause(exchange), false);
                        }
                    },
                    exchange -> deliveries.attemptFailed(exchange.getIn().getBody(String.class), channel, cause(exchange), true));
        }
    }

    private void stage(String id, String queue, Processor onAttemptFailed, Processor onDead) {
        CerthubProperties.Retry retry = properties.retry();
        RouteConfigurationDefinition configuration = routeConfiguration(id);
        configuration.onException(PermanentDeliveryException.class, IdVerificationRejectedException.class,
                PaymentRejectedException.class, IllegalArgumentException.class).maximumRedeliveries(0);
        configuration.onException(Exception.class).onWhen(StageErrorPolicies::waitsForOutage)
                .maximumRedeliveries(-1)
                .redeliveryDelay(retry.initialDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(retry.backoffMultiplier())
                .maximumRedeliveryDelay(retry.maximumDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN);
        configuration.errorHandler(deadLetterChannel(properties.queues().deadLetter(queue))
                        .useOriginalMessage()
                        .maximumRedeliveries(retry.maximumRedeliveries())
                        .redeliveryDelay(retry.initialDelay().toMillis())
                        .useExponentialBackOff()
                        .backOffMultiplier(retry.backoffMultiplier())
                        .maximumRedeliveryDelay(retry.maximumDelay().toMillis())
                        .retryAttemptedLogLevel(LoggingLevel.WARN)
                        .onExceptionOccurred(onAttemptFailed)
                        .onPrepareFailure(onDead));
    }

    private static Processor noOp() {
        return exchange -> { };
    }

    /**
     * The exception being handled is an infrastructure fault or an outside system's open circuit (read before the
     * error handler records it as caught): the message is not at fault and waits.
     */
    private static boolean waitsForOutage(Exchange exchange) {
        Exception failure = exchange.getException() != null ? exchange.getException() : cause(exchange);
        return InfrastructureFaults.isInfrastructureFault(failure) || CircuitOpenException.isIn(failure);
    }

    private static Exception cause(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, exchange.getException(), Exception.class);
    }

    private static String reason(Exchange exchange) {
        Exception cause = cause(exchange);
        return cause == null ? "failed" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
    // spotless:on
}

package org.certhub.routes.distribute;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * deliver: one route per enabled channel ({@code deliver-email}, {@code deliver-sms}, ...), each fed by its own
 * queue, with its own retries and dead-letter queue (see {@link org.certhub.routes.config.StageErrorPolicies}).
 * The call to the channel runs in a resilience4j circuit breaker per channel: while the receiver keeps failing
 * the circuit opens and further calls fail at once; an open circuit is a transient failure, so the message is
 * retried with back-off like any other outage and never lost. Permanent refusals do not count against the
 * receiver's health.
 */
@Component
@ConditionalOnRole(Role.DISTRIBUTE)
public class DeliverCertificateRoutes extends RouteBuilder {

    private final Channels channels;
    private final CerthubProperties.Queues queues;
    private final float failureRateThreshold;
    private final int minimumCalls;
    private final int slidingWindowSize;
    private final Duration waitInOpen;

    public DeliverCertificateRoutes(Channels channels, CerthubProperties properties,
                                    @Value("${certhub.channels.circuit-breaker.failure-rate-threshold:50}") float failureRateThreshold,
                                    @Value("${certhub.channels.circuit-breaker.minimum-calls:10}") int minimumCalls,
                                    @Value("${certhub.channels.circuit-breaker.sliding-window-size:20}") int slidingWindowSize,
                                    @Value("${certhub.channels.circuit-breaker.wait-in-open:PT30S}") Duration waitInOpen) {
        this.channels = channels;
        this.queues = properties.queues();
        this.failureRateThreshold = failureRateThreshold;
        this.minimumCalls = minimumCalls;
        this.slidingWindowSize = slidingWindowSize;
        this.waitInOpen = waitInOpen;
    }

    @Override
    public void configure() {
        for (String channel : channels.names()) {
            from(queues.deliver(channel)).routeId("deliver-" + channel).routeConfigurationId("deliver-" + channel + "-errors")
                    .setProperty(DeliveryService.CHANNEL, constant(channel))
                    .circuitBreaker().id("deliver-" + channel + "-circuit")
                        .resilience4jConfiguration()
                            .failureRateThreshold(failureRateThreshold)
                            .minimumNumberOfCalls(minimumCalls)
                            .slidingWindowSize(slidingWindowSize)
                            .waitDurationInOpenState((int) Math.max(1, waitInOpen.toSeconds()))
                            .automaticTransitionFromOpenToHalfOpenEnabled(true)
                            .throwExceptionWhenHalfOpenOrOpenState(true)
                            .ignoreException(PermanentDeliveryException.class, IllegalArgumentException.class)
                        .end()
                        .bean(DeliveryService.class, "deliver").id("deliver-" + channel + "-send")
                    .end();
        }
    }
}

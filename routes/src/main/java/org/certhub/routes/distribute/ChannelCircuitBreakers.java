package org.certhub.routes.distribute;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.function.Supplier;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.routes.config.CircuitBreakerProperties;
import org.certhub.routes.config.InfrastructureFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A resilience4j circuit breaker per channel around the calls to its receiver. While a receiver keeps failing
 * the circuit opens and further calls fail at once, sparing the receiver and the hub's consumers; an open
 * circuit is a {@link TransientDeliveryException}, so the stage retries the message with back-off like any
 * other outage and never loses it. Permanent refusals say nothing about the receiver's health and do not count,
 * nor does the hub's own database failing inside the call.
 * (The breaker sits inside the delivery call rather than in a Camel {@code circuitBreaker()} block: the EIP runs
 * its body on a copy of the exchange whose failure bypassed the stage's redelivery and dead-letter policy.)
 */
@Component
public class ChannelCircuitBreakers {

    private final CircuitBreakerRegistry registry;

    /** From {@code certhub.channels.circuit-breaker.*}. */
    @Autowired
    public ChannelCircuitBreakers(ChannelsProperties properties) {
        this(properties.circuitBreaker());
    }

    ChannelCircuitBreakers(CircuitBreakerProperties breaker) {
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .slidingWindowSize(breaker.slidingWindowSize())
                .waitDurationInOpenState(breaker.waitInOpen())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreExceptions(PermanentDeliveryException.class, IllegalArgumentException.class)
                // the hub's own database failing (a channel's delivery ledger) says nothing about the receiver
                .ignoreException(InfrastructureFaults::isInfrastructureFault)
                .build());
    }

    /** Runs one call to the channel's receiver through the channel's breaker. */
    public <T> T call(String channel, Supplier<T> call) {
        try {
            return registry.circuitBreaker(channel).executeSupplier(call);
        } catch (CallNotPermittedException open) {
            throw new TransientDeliveryException(channel + ": circuit open after repeated failures", open);
        }
    }

    /** The breaker's state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}), for health reporting and tests. */
    public String state(String channel) {
        return registry.circuitBreaker(channel).getState().name();
    }
}

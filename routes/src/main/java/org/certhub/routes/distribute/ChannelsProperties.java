package org.certhub.routes.distribute;

import jakarta.validation.Valid;
import org.certhub.routes.config.CircuitBreakerProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.channels.*} as the distribute stage sees it, across all channels (each channel's own settings are
 * bound by its wiring, e.g. {@code certhub.channels.sms}).
 *
 * @param circuitBreaker the breaker around every channel's calls to its receiver (one breaker per channel, each
 *                       with these settings; see {@link ChannelCircuitBreakers})
 */
@Validated
@ConfigurationProperties("certhub.channels")
public record ChannelsProperties(@Valid @DefaultValue CircuitBreakerProperties circuitBreaker) {}

package org.certhub.routes.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A circuit breaker around an outside system's calls, as configured under {@code certhub.certify.circuit-breaker}
 * (the certify stage's ID system and payer) and {@code certhub.channels.circuit-breaker} (every delivery channel):
 * it opens when {@code failureRateThreshold} % of the last {@code slidingWindowSize} calls (at least
 * {@code minimumCalls}) failed, and lets a probe through after {@code waitInOpen}.
 *
 * @param failureRateThreshold the share of failed calls, in percent, that opens the circuit
 * @param minimumCalls         calls the breaker needs to have seen before it may open
 * @param slidingWindowSize    how many of the latest calls the failure rate is taken over
 * @param waitInOpen           how long an open circuit refuses calls before it lets a probe through (ISO-8601)
 */
public record CircuitBreakerProperties(
        @DefaultValue("50") @Min(1) @Max(100) float failureRateThreshold,
        @DefaultValue("10") @Min(1) int minimumCalls,
        @DefaultValue("20") @Min(1) int slidingWindowSize,

        @DefaultValue("PT30S") @NotNull @DurationMin(millis = 1)
        Duration waitInOpen) {}

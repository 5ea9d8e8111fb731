package org.certhub.routes.certify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.certhub.routes.config.CircuitBreakerProperties;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.certify.*}: the certify stage's outside calls (the ID system in {@code verify-identity}, the payer
 * in {@code check-funding}), each with its own time limit and its own circuit breaker.
 *
 * @param identityTimeout how long {@code verify-identity} waits for the ID system before the call counts as an outage
 * @param fundingTimeout  how long {@code check-funding} waits for the payer before the call counts as an outage
 * @param circuitBreaker  the breaker of each of the two systems (one per system, each with these settings)
 */
@Validated
@ConfigurationProperties("certhub.certify")
public record CertifyProperties(
        @DefaultValue("PT20S") @NotNull @DurationMin(millis = 1)
        Duration identityTimeout,

        @DefaultValue("PT20S") @NotNull @DurationMin(millis = 1)
        Duration fundingTimeout,

        @Valid @DefaultValue CircuitBreakerProperties circuitBreaker) {}

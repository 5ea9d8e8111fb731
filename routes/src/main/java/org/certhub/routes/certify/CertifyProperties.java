package org.certhub.routes.certify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.certify.*}: the certify stage's outside calls (the ID system in {@code verify-identity}, the payer
 * in {@code check-funding}), each with its own time limit and its own circuit breaker.
 *
 * @param identityTimeout how long {@code verify-identity} waits for the ID system before the call counts as an outage
 * @param fundingTimeout  how long {@code check-funding} waits for the payer before the call counts as an outage
 */
@Validated
@ConfigurationProperties("certhub.certify")
public record CertifyProperties(
        @DefaultValue("PT20S") Duration identityTimeout,
        @DefaultValue("PT20S") Duration fundingTimeout,
        @Valid @DefaultValue CircuitBreaker circuitBreaker) {

    /**
     * One breaker per outside system: it opens when {@code failureRateThreshold} % of the last
     * {@code slidingWindowSize} calls (at least {@code minimumCalls}) failed, and lets a probe through after
     * {@code waitInOpen}.
     */
    public record CircuitBreaker(
            @DefaultValue("50") @Min(1) @Max(100) float failureRateThreshold,
            @DefaultValue("10") @Min(1) int minimumCalls,
            @DefaultValue("20") @Min(1) int slidingWindowSize,
            @DefaultValue("PT30S") Duration waitInOpen) {}
}

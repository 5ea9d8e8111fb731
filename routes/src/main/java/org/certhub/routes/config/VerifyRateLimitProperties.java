package org.certhub.routes.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.verify.rate-limit}: how many verifications one client address may ask for per period
 * ({@code CERTHUB_VERIFY_RATE_LIMIT_ENABLED}, {@code CERTHUB_VERIFY_RATE_LIMIT}, {@code CERTHUB_VERIFY_RATE_PERIOD}),
 * and how many addresses are remembered at most.
 */
@Validated
@ConfigurationProperties("certhub.verify.rate-limit")
public record VerifyRateLimitProperties(
        boolean enabled,
        @Min(1) int requests,
        @NotNull Duration period,
        @Min(1) long maxClients) {}

package org.certhub.routes.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.audit.*}: how the audit trail records failed authentications without growing without bound.
 *
 * @param failedAuthenticationWindow    the window (ISO-8601, e.g. {@code PT1M}) in which each client address gets one
 *                                      row counting its failed attempts
 * @param failedAuthenticationAddresses the addresses that get rows of their own per window; the failures of any
 *                                      further address are counted on one shared row
 */
@Validated
@ConfigurationProperties("certhub.audit")
public record AuditProperties(
        @DefaultValue("PT1M") @NotNull @DurationMin(millis = 1)
        Duration failedAuthenticationWindow,

        @DefaultValue("100") @Min(1) int failedAuthenticationAddresses) {}

package org.certhub.routes.certify;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.requeue.*}: the sweep that queues again the events a crash left stored but unqueued
 * ({@code requeue-waiting-events}). Durations are ISO-8601 ({@code PT5M}).
 *
 * @param after  how long after storing an event still {@code received} is queued again (and, at most, how often the
 *               same event is)
 * @param period the time between two sweeps, and before the first
 */
@Validated
@ConfigurationProperties("certhub.requeue")
public record RequeueProperties(
        @DefaultValue("PT5M") @NotNull @DurationMin(millis = 1)
        Duration after,

        @DefaultValue("PT1M") @NotNull @DurationMin(millis = 1)
        Duration period) {}

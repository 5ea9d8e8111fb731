package org.certhub.routes.api.admin;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.dead-letters.*}: replaying a stage's dead letters
 * ({@code POST /api/v1/admin/dead-letters/{queue}/replay}).
 *
 * @param kafkaGroup   the consumer group that reads a Kafka dead-letter topic; its committed offsets mark what was
 *                     replayed
 * @param kafkaPoll    how long one poll of a Kafka dead-letter topic waits for records; a poll that finds none ends
 *                     the replay
 * @param maxPerReplay the messages one replay moves at most; a replay of more goes on where the last one stopped
 */
@Validated
@ConfigurationProperties("certhub.dead-letters")
public record DeadLetterProperties(
        @DefaultValue("certhub-dead-letter-replay") @NotBlank
        String kafkaGroup,

        @DefaultValue("PT2S") @NotNull @DurationMin(millis = 1)
        Duration kafkaPoll,

        @DefaultValue("10000") @Min(1) int maxPerReplay) {}

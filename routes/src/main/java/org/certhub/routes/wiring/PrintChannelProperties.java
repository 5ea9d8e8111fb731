package org.certhub.routes.wiring;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.certhub.connectors.distribution.print.BatchPeriod;
import org.certhub.connectors.distribution.print.PrintSettings;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.channels.print.*}: batch folders for print shops.
 *
 * @param closeCheckInterval how often the hub looks for batches whose period has ended (ISO-8601, default
 *                           {@code PT10M})
 */
@Validated
@ConditionalOnProperty(name = "certhub.channels.print.enabled", havingValue = "true") // bound only when switched on
@ConfigurationProperties("certhub.channels.print")
public record PrintChannelProperties(
        @NotNull Path outputDir,
        BatchPeriod period,
        ZoneId zone,
        List<String> facilities,

        @DefaultValue("PT10M") @NotNull @DurationMin(millis = 1)
        Duration closeCheckInterval) {

    public PrintSettings settings() {
        return new PrintSettings(outputDir, period, zone, facilities);
    }
}

package org.certhub.connectors.distribution.print;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the print channel ({@code certhub.channels.print.*}).
 *
 * @param outputDir  the folder the print shops collect from; batches go to {@code <facility>/<period start>/}
 * @param period     how long a batch stays open (default DAY)
 * @param zone       the time zone whose calendar cuts the periods (default UTC)
 * @param facilities the facility ids whose certificates are printed (empty: every facility)
 */
public record PrintSettings(Path outputDir, BatchPeriod period, ZoneId zone, List<String> facilities) {

    public PrintSettings {
        Objects.requireNonNull(outputDir, "outputDir");
        period = period == null ? BatchPeriod.DAY : period;
        zone = zone == null ? ZoneId.of("UTC") : zone;
        facilities = facilities == null ? List.of() : List.copyOf(facilities);
    }
}

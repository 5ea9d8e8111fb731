package org.certhub.routes.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The hub's domain meters, under the stable Prometheus names of the interface contract: what came in, what was
 * issued, delivered and verified, and how long each stage took. Label values come from short fixed sets (formats,
 * channels, stages, intake paths), never from a record.
 */
@Component
public class HubMetrics {

    /** {@code certhub_events_received_total{source}}: records stored as new events or new revisions. */
    public static final String EVENTS_RECEIVED = "certhub.events.received";
    /** {@code certhub_certificates_issued_total{format}}: credentials signed and stored, per format. */
    public static final String CERTIFICATES_ISSUED = "certhub.certificates.issued";
    /** {@code certhub_deliveries_total{channel,outcome}}: delivery attempts, {@code sent}, {@code failed} or {@code dead}. */
    public static final String DELIVERIES = "certhub.deliveries";
    /** {@code certhub_verifications_total{format,valid}}: QR codes verified. */
    public static final String VERIFICATIONS = "certhub.verifications";
    /** {@code certhub_stage_duration_seconds{stage}}: one pass of a stage (a request, a message, a batch). */
    public static final String STAGE_DURATION = "certhub.stage.duration";

    private static final Set<String> FORMATS = Set.of("w3c-vc", "eu-dcc", "shc", "divoc");
    private static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;

    public HubMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code count} records of one intake path ({@code fhir}, {@code import}, {@code kafka}, ...) stored. */
    public void eventsReceived(String source, int count) {
        if (count > 0) {
            Counter.builder(EVENTS_RECEIVED)
                    .description("Vaccination records stored as new events or new revisions")
                    .tag("source", source)
                    .register(registry)
                    .increment(count);
        }
    }

    public void certificateIssued(String format) {
        Counter.builder(CERTIFICATES_ISSUED)
                .description("Credentials signed and stored")
                .tag("format", known(format))
                .register(registry)
                .increment();
    }

    public void delivery(String channel, String outcome) {
        Counter.builder(DELIVERIES)
                .description("Delivery attempts by channel and outcome")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void verification(String format, boolean valid) {
        Counter.builder(VERIFICATIONS)
                .description("QR codes verified")
                .tag("format", known(format))
                .tag("valid", Boolean.toString(valid))
                .register(registry)
                .increment();
    }

    public void stageDuration(String stage, Duration took) {
        Timer.builder(STAGE_DURATION)
                .description("Time of one pass of a stage")
                .tag("stage", stage)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry)
                .record(took);
    }

    private static String known(String format) {
        return format != null && FORMATS.contains(format) ? format : UNKNOWN;
    }
}

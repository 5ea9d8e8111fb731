package org.certhub.routes.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.ingest.*}: the intake paths whose settings more than the ingest edge reads (the stages' error
 * policy names the Kafka intake topic, the request filter bounds bulk uploads). The FHIR server poller's settings,
 * read by it alone and only when it is switched on, are {@code certhub.ingest.fhir-server.*}
 * ({@code org.certhub.routes.ingest.FhirServerProperties}).
 *
 * @param kafka FHIR JSON records taken from a Kafka topic
 * @param bulk  bulk ndjson uploads ({@code POST /fhir/r4/$import})
 */
@Validated
@ConfigurationProperties("certhub.ingest")
public record IngestProperties(
        @Valid @DefaultValue Kafka kafka,
        @Valid @DefaultValue Bulk bulk) {

    /**
     * @param enabled whether the hub consumes {@code topic} (needs {@code camel.component.kafka.brokers})
     * @param topic   the topic of the records; bad ones go to {@code <topic>.dlq}
     * @param groupId the consumer group of the hub's intake consumers
     */
    public record Kafka(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("certhub.ingest") @NotBlank String topic,
            @DefaultValue("certhub-ingest") @NotBlank String groupId) {}

    /**
     * @param maxBytes          the largest bulk upload, in bytes (it streams to a spool file under the data dir)
     * @param maxReportedErrors bad lines listed in an import job's status (the counts cover all of them)
     */
    public record Bulk(
            @DefaultValue("1073741824") @Min(1) long maxBytes,
            @DefaultValue("1000") @Min(0) int maxReportedErrors) {}
}

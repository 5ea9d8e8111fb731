package org.certhub.routes.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * ingest: pulls Immunizations from a FHIR server every period ({@code certhub.ingest.fhir-server.*}). A server
 * that is down or answers 5xx is retried with back-off, each retry resuming at the checkpoint; other failures
 * (a 4xx, a next link outside the base, a page that is not FHIR) wait for the next period.
 */
@Component
@ConditionalOnRole(Role.INGEST)
@ConditionalOnProperty(name = "certhub.ingest.fhir-server.enabled", havingValue = "true")
public class PollFhirServerRoute extends RouteBuilder {

    private final FhirServerPoller poller;
    private final int maxRetries;
    private final long retryDelayMs;

    public PollFhirServerRoute(
            FhirIngestion ingestion,
            StreamedEntries entries,
            PollCheckpoints checkpoints,
            ObjectMapper json,
            @Value("${certhub.ingest.fhir-server.base-url}") URI baseUrl,
            @Value("${certhub.ingest.fhir-server.source-id}") String sourceId,
            @Value("${certhub.ingest.fhir-server.bearer-token:}") String bearerToken,
            @Value("${certhub.ingest.fhir-server.username:}") String username,
            @Value("${certhub.ingest.fhir-server.password:}") String password,
            @Value("${certhub.ingest.fhir-server.page-size:100}") int pageSize,
            @Value("${certhub.ingest.fhir-server.since:}") String since,
            @Value("${certhub.ingest.fhir-server.timeout-ms:30000}") long timeoutMs,
            @Value("${certhub.ingest.fhir-server.max-retries:5}") int maxRetries,
            @Value("${certhub.ingest.fhir-server.retry-delay-ms:1000}") long retryDelayMs) {
        FhirServerSettings settings = new FhirServerSettings(
                baseUrl, sourceId, bearerToken, username, password, pageSize, since, Duration.ofMillis(timeoutMs));
        this.poller =
                new FhirServerPoller(settings, new FhirServerClient(settings), ingestion, entries, checkpoints, json);
        this.maxRetries = maxRetries;
        this.retryDelayMs = retryDelayMs;
    }

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        onException(FhirServerClient.UnavailableException.class).handled(true)
                .maximumRedeliveries(maxRetries).redeliveryDelay(retryDelayMs).useExponentialBackOff()
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .log(LoggingLevel.WARN, "polling the FHIR server failed after retries; next try in one period: ${exception.message}");
        onException(Exception.class).handled(true)
                .log(LoggingLevel.ERROR, "polling the FHIR server failed; next try in one period: ${exception.message}");

        from("timer:poll-fhir-server?period={{certhub.ingest.fhir-server.period-ms}}&delay={{certhub.ingest.fhir-server.period-ms}}")
                .routeId("poll-fhir-server")
                .bean(poller, "poll").id("poll-fhir-server-pages");
        // spotless:on
    }
}

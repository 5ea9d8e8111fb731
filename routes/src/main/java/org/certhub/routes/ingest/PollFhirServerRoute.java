package org.certhub.routes.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.certhub.connectors.http.HttpTimeouts;
import org.certhub.connectors.http.OutboundHttp;
import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * ingest: pulls Immunizations from a FHIR server every period ({@code certhub.ingest.fhir-server.*}), each search
 * page a call to the server's Camel http endpoint (the base URL, which may carry camel-http options such as
 * {@code proxyHost}). A server that is down or answers 5xx or 429 is retried with back-off, each retry a new poll
 * resuming at the checkpoint; other failures (a 4xx, a next link outside the base, a page that is not FHIR) wait
 * for the next period.
 */
@Component
@ConditionalOnRole(Role.INGEST)
@ConditionalOnProperty(name = "certhub.ingest.fhir-server.enabled", havingValue = "true")
public class PollFhirServerRoute extends RouteBuilder {

    private final FhirServerSettings settings;
    private final URI endpointUrl;
    private final FhirIngestion ingestion;
    private final StreamedEntries entries;
    private final PollCheckpoints checkpoints;
    private final ObjectMapper json;
    private final int maxRetries;
    private final long retryDelayMs;
    private final long periodMs;

    public PollFhirServerRoute(
            FhirIngestion ingestion,
            StreamedEntries entries,
            PollCheckpoints checkpoints,
            ObjectMapper json,
            FhirServerProperties properties) {
        this.settings = properties.settings();
        this.endpointUrl = properties.baseUrl();
        this.ingestion = ingestion;
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.json = json;
        this.maxRetries = properties.maxRetries();
        this.retryDelayMs = properties.retryDelay().toMillis();
        this.periodMs = properties.period().toMillis();
    }

    @Override
    public void configure() {
        OutboundHttp server = new OutboundHttp(
                getContext(),
                "FHIR server",
                endpointUrl,
                settings.auth(),
                new HttpTimeouts(settings.timeout(), settings.timeout()),
                Clock.systemUTC());
        FhirServerPoller poller = new FhirServerPoller(settings, server, ingestion, entries, checkpoints, json);
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        from("timer:poll-fhir-server?period=" + periodMs + "&delay=" + periodMs)
                .routeId("poll-fhir-server")
                .onException(IOException.class).handled(true)
                    .maximumRedeliveries(maxRetries).redeliveryDelay(retryDelayMs).useExponentialBackOff()
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .log(LoggingLevel.WARN, "polling the FHIR server failed after retries; next try in one period: ${exception.message}")
                .end()
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.ERROR, "polling the FHIR server failed; next try in one period: ${exception.message}")
                .end()
                .to("direct:poll-fhir-server-pages").id("poll-fhir-server-pages");

        // one poll, from the checkpoint to the last page; a failure ends it and the caller retries it whole
        from("direct:poll-fhir-server-pages")
                .routeId("read-fhir-server-pages")
                .errorHandler(noErrorHandler())
                .process(poller::start).id("start-at-checkpoint")
                .loopDoWhile(exchangeProperty(FhirServerPoller.NEXT_PAGE).isNotNull()).id("follow-next-links")
                    .process(poller::search).id("prepare-search")
                    .to(server.endpoint()).id("search-fhir-server")
                    .process(poller::take).id("take-page")
                .end()
                .process(poller::finish).id("log-poll-result");
        // spotless:on
    }
}

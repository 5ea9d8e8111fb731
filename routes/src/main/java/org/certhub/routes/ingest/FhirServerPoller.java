package org.certhub.routes.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.certhub.connectors.http.OutboundHttp;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.fhirmapping.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of {@code poll-fhir-server}: searches {@code Immunization?_lastUpdated=ge<checkpoint>&_include=Immunization:patient}
 * sorted by {@code _lastUpdated}, follows {@code next} links below the server's base (a link elsewhere is refused),
 * maps each searchset page through {@link FhirIngestion}, stores and queues its doses, and only then advances the
 * source's checkpoint to the newest {@code meta.lastUpdated} of the page. A restart resumes at the checkpoint;
 * the records at the checkpoint instant itself are read again ({@code ge}, so that a tie split across a page
 * boundary is never skipped) and are duplicates that change nothing. The route sends each page's search to the
 * server's Camel http endpoint; the page to read next is the exchange property {@link #NEXT_PAGE}.
 */
public class FhirServerPoller {

    /** The URL of the page to read next; absent when the poll is done. */
    public static final String NEXT_PAGE = "CerthubFhirNextPage";

    private static final String RESULT = "CerthubFhirPollResult";
    private static final Logger LOG = LoggerFactory.getLogger(FhirServerPoller.class);

    /** The server answered a status worth retrying (5xx, 429). */
    public static class UnavailableException extends IOException {
        private static final long serialVersionUID = 1L;

        public UnavailableException(String message) {
            super(message);
        }
    }

    /** What one poll did (counts only: no identifiers of persons). */
    public record Result(int pages, int accepted, int ignored, int rejected) {

        Result plus(int accepted, int ignored, int rejected) {
            return new Result(pages + 1, this.accepted + accepted, this.ignored + ignored, this.rejected + rejected);
        }
    }

    private final FhirServerSettings settings;
    private final OutboundHttp server;
    private final FhirIngestion ingestion;
    private final StreamedEntries entries;
    private final PollCheckpoints checkpoints;
    private final ObjectMapper json;

    public FhirServerPoller(
            FhirServerSettings settings,
            OutboundHttp server,
            FhirIngestion ingestion,
            StreamedEntries entries,
            PollCheckpoints checkpoints,
            ObjectMapper json) {
        this.settings = settings;
        this.server = server;
        this.ingestion = ingestion;
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.json = json;
    }

    /** Starts a poll at the stored checkpoint (else the configured start, else the beginning). */
    public void start(Exchange exchange) {
        Optional<Instant> checkpoint = checkpoints.find(settings.sourceId()).or(this::configuredStart);
        exchange.setProperty(NEXT_PAGE, firstPage(checkpoint));
        exchange.setProperty(RESULT, new Result(0, 0, 0, 0));
    }

    /** Makes the message the search of the next page: its URL, {@code Accept} and the server's authentication. */
    public void search(Exchange exchange) {
        URI page = exchange.getProperty(NEXT_PAGE, URI.class);
        Message message = exchange.getMessage();
        message.removeHeaders("*"); // nothing of the previous answer goes out with the next search
        message.setBody(null);
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader(Exchange.HTTP_URI, page.toString());
        if (page.getRawQuery() != null) {
            message.setHeader(Exchange.HTTP_RAW_QUERY, page.getRawQuery());
        }
        message.setHeader("Accept", "application/fhir+json");
        server.authenticate(message, new byte[0]);
    }

    /**
     * Takes the answered page: its doses are stored and queued, the checkpoint advanced, the next link kept.
     *
     * @throws UnavailableException on 5xx and 429 (the route retries the whole poll from the checkpoint)
     * @throws IllegalStateException on any other status but 200, a body that is not a Bundle, a next link elsewhere
     */
    public void take(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 500 || status == 429) {
            throw new UnavailableException("the FHIR server answered " + status);
        }
        if (status != 200) {
            throw new IllegalStateException("the FHIR server answered " + status + " to a search");
        }
        String body = message.getBody(String.class);
        JsonNode page = json.readTree(body == null ? "" : body);
        if (page == null || !"Bundle".equals(page.path("resourceType").asText())) {
            throw new IllegalStateException("the FHIR server answered a search with a "
                    + (page == null
                            ? "non-FHIR body"
                            : page.path("resourceType").asText("non-FHIR body")));
        }
        int accepted = 0;
        int ignored = 0;
        int rejected = 0;
        if (hasImmunization(page)) {
            Submission submission = ingestion.read(body, FhirEncoding.JSON, settings.sourceId());
            StreamedEntries.Stream stream = entries.open("fhir-server");
            for (Submission.Entry entry : submission.entries()) {
                switch (stream.take(entry)) {
                    case ACCEPTED -> accepted++;
                    case IGNORED -> ignored++;
                    case REJECTED -> rejected++;
                    case RETRACTED -> {}
                }
            }
            stream.flush();
        }
        Optional<Instant> newest = newestLastUpdated(page);
        if (newest.isPresent()) {
            checkpoints.advance(settings.sourceId(), newest.get());
        }
        exchange.setProperty(RESULT, exchange.getProperty(RESULT, Result.class).plus(accepted, ignored, rejected));
        URI next = nextLink(page);
        if (next == null) {
            exchange.removeProperty(NEXT_PAGE);
        } else {
            exchange.setProperty(NEXT_PAGE, next);
        }
    }

    /** Logs what the poll did (counts only). */
    public Result finish(Exchange exchange) {
        Result result = exchange.getProperty(RESULT, Result.class);
        if (result.rejected() > 0) {
            LOG.warn(
                    "poll of {}: {} Immunizations could not be taken (see their OperationOutcome by posting them)",
                    settings.sourceId(),
                    result.rejected());
        }
        LOG.debug("poll of {}: {}", settings.sourceId(), result);
        return result;
    }

    URI firstPage(Optional<Instant> checkpoint) {
        StringBuilder query = new StringBuilder("Immunization?");
        checkpoint.ifPresent(since ->
                query.append("_lastUpdated=").append(encode("ge" + since)).append('&'));
        query.append("_include=")
                .append(encode("Immunization:patient"))
                .append("&_sort=_lastUpdated&_count=")
                .append(settings.pageSize());
        return settings.baseUrl().resolve(query.toString());
    }

    /** The page's {@code next} link, refused unless it is below the configured base. */
    URI nextLink(JsonNode page) {
        for (JsonNode link : page.path("link")) {
            if ("next".equals(link.path("relation").asText())) {
                URI next;
                try {
                    next = URI.create(link.path("url").asText());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("the FHIR server's next link is not a URL", e);
                }
                if (!settings.isBelowBase(next)) {
                    throw new IllegalStateException("refused a next link outside " + settings.baseUrl());
                }
                return next;
            }
        }
        return null;
    }

    private static boolean hasImmunization(JsonNode page) {
        for (JsonNode entry : page.path("entry")) {
            if ("Immunization"
                    .equals(entry.path("resource").path("resourceType").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The newest {@code meta.lastUpdated} of the page's Immunizations. */
    static Optional<Instant> newestLastUpdated(JsonNode page) {
        Instant newest = null;
        for (JsonNode entry : page.path("entry")) {
            JsonNode resource = entry.path("resource");
            String lastUpdated = resource.path("meta").path("lastUpdated").asText("");
            if (!"Immunization".equals(resource.path("resourceType").asText()) || lastUpdated.isEmpty()) {
                continue;
            }
            try {
                Instant instant = OffsetDateTime.parse(lastUpdated).toInstant();
                newest = newest == null || instant.isAfter(newest) ? instant : newest;
            } catch (DateTimeParseException e) {
                LOG.warn("an Immunization's meta.lastUpdated is not an instant; it does not move the checkpoint");
            }
        }
        return Optional.ofNullable(newest);
    }

    private Optional<Instant> configuredStart() {
        return settings.since() == null || settings.since().isBlank()
                ? Optional.empty()
                : Optional.of(OffsetDateTime.parse(settings.since()).toInstant());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

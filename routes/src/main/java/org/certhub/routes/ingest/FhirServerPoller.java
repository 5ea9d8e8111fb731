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
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.fhirmapping.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of a FHIR server: searches {@code Immunization?_lastUpdated=ge<checkpoint>&_include=Immunization:patient}
 * sorted by {@code _lastUpdated}, follows {@code next} links below the server's base (a link elsewhere is refused),
 * maps each searchset page through {@link FhirIngestion}, stores and queues its doses, and only then advances the
 * source's checkpoint to the newest {@code meta.lastUpdated} of the page. A restart resumes at the checkpoint;
 * the records at the checkpoint instant itself are read again ({@code ge}, so that a tie split across a page
 * boundary is never skipped) and are duplicates that change nothing.
 */
public class FhirServerPoller {

    private static final Logger LOG = LoggerFactory.getLogger(FhirServerPoller.class);

    /** What one poll did (counts only: no identifiers of persons). */
    public record Result(int pages, int accepted, int ignored, int rejected) {}

    private final FhirServerSettings settings;
    private final FhirServerClient client;
    private final FhirIngestion ingestion;
    private final StreamedEntries entries;
    private final PollCheckpoints checkpoints;
    private final ObjectMapper json;

    public FhirServerPoller(
            FhirServerSettings settings,
            FhirServerClient client,
            FhirIngestion ingestion,
            StreamedEntries entries,
            PollCheckpoints checkpoints,
            ObjectMapper json) {
        this.settings = settings;
        this.client = client;
        this.ingestion = ingestion;
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.json = json;
    }

    public Result poll() throws IOException {
        Optional<Instant> checkpoint = checkpoints.find(settings.sourceId()).or(this::configuredStart);
        URI next = firstPage(checkpoint);
        int pages = 0;
        int accepted = 0;
        int ignored = 0;
        int rejected = 0;
        while (next != null) {
            String body = client.get(next);
            JsonNode page = json.readTree(body);
            if (!"Bundle".equals(page.path("resourceType").asText())) {
                throw new IllegalStateException("the FHIR server answered a search with a "
                        + page.path("resourceType").asText("non-FHIR body"));
            }
            pages++;
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
            next = nextLink(page);
        }
        Result result = new Result(pages, accepted, ignored, rejected);
        if (rejected > 0) {
            LOG.warn(
                    "poll of {}: {} Immunizations could not be taken (see their OperationOutcome by posting them)",
                    settings.sourceId(),
                    rejected);
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

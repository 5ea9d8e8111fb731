package org.certhub.routes.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.fhirmapping.Problem;
import org.certhub.fhirmapping.Submission;
import org.certhub.fhirmapping.bulk.NdjsonImport;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.config.IngestProperties;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.security.Caller;
import org.certhub.routes.security.Role;
import org.certhub.routes.security.TrustedHeaders;
import org.certhub.routes.signing.IssuableRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code POST /fhir/r4/$import}: ndjson uploads (one {@code application/fhir+ndjson} body, or several files as
 * {@code multipart/form-data}; Patient and Immunization lines in any order) are spooled to the data dir and
 * acknowledged with the job's status URL; the import then streams through them in the background
 * ({@link NdjsonImport}), storing and queueing each accepted dose like a REST submission and recording each bad
 * line with its file and line number. Job state lives in the database; the spool is deleted when the job ends.
 */
@Service
public class BulkImportService {

    private static final Logger LOG = LoggerFactory.getLogger(BulkImportService.class);
    static final String STATUS_PATH = "/fhir/r4/$import-status/";
    private static final int PROGRESS_EVERY = 50;

    /** What an accepted upload answers, and the job the background import runs. */
    public record Accepted(String jobId, HttpAnswer answer) {}

    private final NdjsonImport ndjson;
    private final StreamedEntries entries;
    private final ImportJobs jobs;
    private final HttpProblems problems;
    private final ObjectMapper json;
    private final Path spoolRoot;
    private final int maxReportedErrors;
    private final IssuableRecords issuable;
    private final Instant started = Instant.now();

    public BulkImportService(
            NdjsonImport ndjson,
            StreamedEntries entries,
            ImportJobs jobs,
            HttpProblems problems,
            ObjectMapper json,
            CerthubProperties properties,
            IngestProperties ingest,
            IssuableRecords issuable) {
        this.issuable = issuable;
        this.ndjson = ndjson;
        this.entries = entries;
        this.jobs = jobs;
        this.problems = problems;
        this.json = json;
        this.spoolRoot = properties.dataDir().resolve("imports");
        this.maxReportedErrors = ingest.bulk().maxReportedErrors();
    }

    /** Spools the upload and records the job: {@code 202} with {@code Content-Location} of its status. */
    public Accepted accept(Exchange exchange) throws IOException, ServletException {
        String contentType = exchange.getIn()
                .getHeader(Exchange.CONTENT_TYPE, "", String.class)
                .toLowerCase(Locale.ROOT);
        String source = exchange.getIn().getHeader(TrustedHeaders.SOURCE_HEADER, String.class);
        String jobId = UUID.randomUUID().toString();
        Path dir = spoolRoot.resolve(jobId);
        try (NdjsonSpool.Writer spool = NdjsonSpool.create(dir)) {
            if (contentType.startsWith("multipart/form-data")) {
                for (Part part : servletRequest(exchange).getParts()) {
                    String name = part.getSubmittedFileName() != null ? part.getSubmittedFileName() : part.getName();
                    try (InputStream content = part.getInputStream()) {
                        spool.add(name, content);
                    }
                }
            } else if (contentType.contains("ndjson")) {
                try (InputStream content = exchange.getIn().getBody(InputStream.class)) {
                    if (content != null) {
                        spool.add("body", content);
                    }
                }
            } else {
                throw new FhirInputException(
                        415,
                        List.of(Problem.error(
                                "not-supported",
                                "send application/fhir+ndjson, or multipart/form-data with ndjson files",
                                null)));
            }
            if (spool.lines() == 0) {
                throw new FhirInputException(
                        400, List.of(Problem.error("required", "the upload holds no ndjson line", null)));
            }
            spool.finish();
        } catch (IOException | ServletException | RuntimeException e) {
            deleteSpool(dir);
            throw e;
        }
        jobs.create(jobId, source);
        ObjectNode body = json.createObjectNode().put("jobId", jobId).put("status", STATUS_PATH + jobId);
        return new Accepted(
                jobId, HttpAnswer.json(202, body.toString()).withHeader("Content-Location", STATUS_PATH + jobId));
    }

    /** Runs a job from its spool, from the start (storing is idempotent, so a rerun doubles nothing). */
    public void run(@Body String jobId) {
        ImportJobs.Job job = jobs.find(jobId).orElseThrow(() -> new IllegalStateException("no import job " + jobId));
        Path dir = spoolRoot.resolve(jobId);
        if (!NdjsonSpool.exists(dir)) {
            jobs.fail(jobId, job.counts(), "the uploaded files are not on this node any more; upload them again");
            return;
        }
        jobs.start(jobId);
        Progress progress = null;
        try {
            NdjsonSpool spool = NdjsonSpool.open(dir);
            progress = new Progress(jobId, spool);
            NdjsonImport.Summary summary =
                    ndjson.run(spool.patients(), spool.immunizations(), job.sourceSystem(), progress::record);
            progress.stream.flush();
            jobs.complete(jobId, progress.finalCounts(summary));
            LOG.info("import {} completed: {}", jobId, progress.finalCounts(summary));
        } catch (IOException | RuntimeException e) {
            LOG.error("import {} failed", jobId, e);
            storeTaken(progress);
            jobs.fail(
                    jobId,
                    progress == null ? job.counts() : progress.counts(),
                    "the import stopped on an internal error; the lines before it are stored");
        } finally {
            deleteSpool(dir);
        }
    }

    /**
     * Jobs that a stop interrupted, and whose spool is on this node: they run again from the start. Only those
     * accepted before this run started: a job uploaded since is already queued, and a second run of it would find
     * its spool deleted by the first and mark it failed.
     */
    public List<String> resumable() {
        return jobs.unfinished(started).stream()
                .filter(id -> NdjsonSpool.exists(spoolRoot.resolve(id)))
                .toList();
    }

    /**
     * {@code GET /fhir/r4/$import-status/{jobId}}: {@code 202} while running, {@code 200} when finished; for the
     * sender that uploaded it and admins.
     */
    public HttpAnswer status(@Header("jobId") String jobId, @Header(Caller.HEADER) String caller) {
        return jobs.find(jobId)
                .map(job -> {
                    Optional<Caller> who = Caller.decode(caller);
                    if (who.filter(c -> c.is(Role.ADMIN)
                                    || c.senderId()
                                            .filter(job.sourceSystem()::equals)
                                            .isPresent())
                            .isEmpty()) {
                        return problems.answer(
                                403,
                                "forbidden",
                                "only the sender that uploaded this import, or an admin, may read it");
                    }
                    ObjectNode body = json.createObjectNode()
                            .put("jobId", job.id())
                            .put("state", job.state().name().toLowerCase(Locale.ROOT))
                            .put("linesRead", job.counts().linesRead())
                            .put("accepted", job.counts().accepted())
                            .put("retracted", job.counts().retracted())
                            .put("ignored", job.counts().ignored())
                            .put("rejected", job.counts().rejected());
                    if (job.message() != null) {
                        body.put("message", job.message());
                    }
                    ArrayNode errors = body.putArray("errors");
                    for (ImportJobs.LineError error : jobs.errors(jobId)) {
                        ObjectNode item =
                                errors.addObject().put("file", error.file()).put("line", error.line());
                        item.set("outcome", readJson(error.outcome()));
                    }
                    boolean finished =
                            job.state() == ImportJobs.State.COMPLETED || job.state() == ImportJobs.State.FAILED;
                    return HttpAnswer.json(finished ? 200 : 202, body.toString())
                            .withHeader(
                                    "X-Progress",
                                    job.state().name().toLowerCase(Locale.ROOT) + ": "
                                            + job.counts().linesRead() + " lines read");
                })
                .orElseGet(() -> problems.answer(404, "not-found", "no import job with this id"));
    }

    private com.fasterxml.jackson.databind.JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("stored OperationOutcome does not parse", e);
        }
    }

    private static HttpServletRequest servletRequest(Exchange exchange) {
        PlatformHttpMessage message = exchange.getIn(PlatformHttpMessage.class);
        if (message == null) {
            throw new IllegalStateException("multipart uploads need the platform-http request");
        }
        return message.getRequest();
    }

    private static void deleteSpool(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("could not delete the import spool {}", dir, e);
        }
    }

    /** After an internal error: the doses taken before it are stored as well, when the store still takes them. */
    private static void storeTaken(Progress progress) {
        if (progress == null) {
            return;
        }
        try {
            progress.stream.flush();
        } catch (RuntimeException e) {
            LOG.warn("import {}: the last chunk of doses could not be stored either", progress.jobId, e);
        }
    }

    /**
     * The sink of one run: stores and queues accepted doses in chunks, records bad lines, saves counts as it goes.
     */
    private final class Progress {
        private final String jobId;
        private final NdjsonSpool spool;
        private final StreamedEntries.Stream stream = entries.open("import");
        private long lines;
        private long accepted;
        private long retracted;
        private long ignored;
        private long rejected;
        private int errors;

        Progress(String jobId, NdjsonSpool spool) {
            this.jobId = jobId;
            this.spool = spool;
        }

        void record(NdjsonImport.LineResult result) {
            lines++;
            // screened here as well as in take(), so that the job's error list says why such a record was refused
            Submission.Entry entry = issuable.screen(result.entry());
            switch (stream.take(entry)) {
                case ACCEPTED -> accepted++;
                case RETRACTED -> retracted++;
                case IGNORED -> ignored++;
                case REJECTED -> rejected++;
            }
            if (entry instanceof Submission.Rejected bad) {
                if (errors < maxReportedErrors) {
                    NdjsonSpool.Origin origin = spool.locate(result.line());
                    jobs.addError(
                            jobId,
                            errors++,
                            new ImportJobs.LineError(
                                    origin.file(),
                                    origin.line(),
                                    problems.outcomeJson(bad.problems()).toString()));
                }
            }
            if (lines % PROGRESS_EVERY == 0) {
                jobs.progress(jobId, counts());
            }
        }

        ImportJobs.Counts counts() {
            return new ImportJobs.Counts(lines, accepted, retracted, ignored, rejected);
        }

        /** At the end, every line counts as read: the Patients indexed as well as the lines reported. */
        ImportJobs.Counts finalCounts(NdjsonImport.Summary summary) {
            return new ImportJobs.Counts(
                    summary.patients() + summary.badPatientLines() + summary.immunizationLines(),
                    accepted,
                    retracted,
                    ignored,
                    rejected);
        }
    }
}

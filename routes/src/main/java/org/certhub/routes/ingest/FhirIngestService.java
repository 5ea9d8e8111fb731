package org.certhub.routes.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.fhirmapping.FhirResponses;
import org.certhub.fhirmapping.Problem;
import org.certhub.fhirmapping.Submission;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.security.AdminCorrection;
import org.certhub.routes.security.AuditTrail;
import org.certhub.routes.security.Caller;
import org.certhub.routes.security.SenderPolicy;
import org.certhub.routes.security.TrustedHeaders;
import org.certhub.routes.signing.IssuableRecords;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.EventStore;
import org.certhub.routes.store.StoredEvent;
import org.springframework.stereotype.Service;

/**
 * Takes a FHIR submission: parses and maps it (fhir-mapping), stores each accepted dose as an event before
 * anything is acknowledged, withdraws certificates of records marked {@code entered-in-error}, and says per
 * entry what happened. A record no certificate could be issued for ({@link IssuableRecords}) is rejected like an
 * invalid one. Nothing is stored when the submission is rejected as a whole.
 */
@Service
public class FhirIngestService {

    private final FhirIngestion ingestion;
    private final EventStore events;
    private final CertificateStore certificates;
    private final HttpProblems problems;
    private final FhirResponses responses;
    private final ObjectMapper mapper;
    private final IssuableRecords issuable;
    private final SenderPolicy senderPolicy;
    private final AuditTrail audit;
    private final EventIntake eventIntake;

    public FhirIngestService(
            FhirIngestion ingestion,
            EventStore events,
            CertificateStore certificates,
            HttpProblems problems,
            FhirResponses responses,
            ObjectMapper mapper,
            IssuableRecords issuable,
            SenderPolicy senderPolicy,
            AuditTrail audit,
            EventIntake eventIntake) {
        this.eventIntake = eventIntake;
        this.issuable = issuable;
        this.senderPolicy = senderPolicy;
        this.audit = audit;
        this.ingestion = ingestion;
        this.events = events;
        this.certificates = certificates;
        this.problems = problems;
        this.responses = responses;
        this.mapper = mapper;
    }

    /**
     * {@code POST /fhir/r4}: a Bundle of any type, or a single Immunization. Answered with the JSON summary
     * ({@code id}, {@code eventIds}, {@code entries}), or, when the client asks for FHIR ({@code Accept:
     * application/fhir+json|xml} or {@code _format}), with the transaction-response or batch-response Bundle.
     */
    public IngestReceipt ingestBundle(
            @Body String body,
            @Header("Content-Type") String contentType,
            @Header("_format") String format,
            @Header("Accept") String accept,
            @Header(TrustedHeaders.SOURCE_HEADER) String source,
            @Header(Caller.HEADER) String caller) {
        FhirEncoding encoding = problems.requestEncoding(body, contentType, format);
        Optional<Caller> admin = AdminCorrection.of(caller, source);
        return store(ingestion.read(body, encoding, source), fhirAnswer(accept, format), "fhir", admin);
    }

    /** {@code POST /fhir/r4/Immunization}: one Immunization, its patient contained or referenced. */
    public IngestReceipt ingestImmunization(
            @Body String body,
            @Header("Content-Type") String contentType,
            @Header("_format") String format,
            @Header(TrustedHeaders.SOURCE_HEADER) String source,
            @Header(Caller.HEADER) String caller) {
        FhirEncoding encoding = problems.requestEncoding(body, contentType, format);
        Optional<Caller> admin = AdminCorrection.of(caller, source);
        return store(ingestion.readImmunization(body, encoding, source), Optional.empty(), "fhir", admin);
    }

    /** A FHIR record from a queue (a Kafka topic): same validation and storage as over HTTP. */
    public IngestReceipt ingestRecord(@Body String body, String source) {
        return store(
                ingestion.read(body, problems.requestEncoding(body, null, null), source),
                Optional.empty(),
                "kafka",
                Optional.empty());
    }

    /**
     * The encoding of a FHIR answer when the client asked for one: {@code _format} (json, xml or a FHIR media
     * type), else an {@code Accept} naming a FHIR media type. Plain {@code application/json} keeps the summary.
     */
    static Optional<FhirEncoding> fhirAnswer(String accept, String format) {
        Optional<FhirEncoding> requested = FhirEncoding.fromName(format);
        if (requested.isPresent() || accept == null) {
            return requested;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        if (lower.contains("application/fhir+json") || lower.contains("application/json+fhir")) {
            return Optional.of(FhirEncoding.JSON);
        }
        if (lower.contains("application/fhir+xml") || lower.contains("application/xml+fhir")) {
            return Optional.of(FhirEncoding.XML);
        }
        return Optional.empty();
    }

    /**
     * Stores the accepted entries of a submission and answers for it.
     *
     * @param fhirAnswer the encoding of a transaction-response/batch-response Bundle, or empty for the JSON
     *                   summary (single resources are always answered with the summary)
     * @param intake     the intake path, for the metrics
     */
    IngestReceipt store(Submission received, Optional<FhirEncoding> fhirAnswer, String intake, Optional<Caller> admin) {
        Submission submission = issuable.screen(senderPolicy.apply(received));
        if (admin.isPresent()) {
            requireExistingRecords(submission);
        }
        List<Submission.Rejected> rejected = submission.entries().stream()
                .filter(Submission.Rejected.class::isInstance)
                .map(Submission.Rejected.class::cast)
                .toList();
        if (submission.kind().allOrNothing() && !rejected.isEmpty()) {
            throw new FhirInputException(
                    rejected.stream().allMatch(r -> r.status() == 403) ? 403 : 422,
                    rejected.stream().flatMap(r -> r.problems().stream()).toList());
        }
        if (submission.kind().allOrNothing()) {
            requireKnownRetractions(submission);
        }
        Iterator<EventStore.Receipt> receipts = eventIntake
                .receive(
                        submission.entries(Submission.Accepted.class).stream()
                                .map(Submission.Accepted::event)
                                .toList(),
                        intake,
                        admin)
                .iterator();
        List<String> toCertify = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        List<String> entryEventIds = new ArrayList<>();
        ArrayNode entries = mapper.createArrayNode();
        for (Submission.Entry entry : submission.entries()) {
            ObjectNode result = entries.addObject().put("entry", entry.entryRef());
            String entryEventId = null;
            if (entry instanceof Submission.Accepted) {
                EventStore.Receipt receipt = receipts.next();
                eventIds.add(receipt.eventId());
                entryEventId = receipt.eventId();
                if (receipt.needsCertification()) {
                    toCertify.add(receipt.eventId());
                }
                result.put("status", 202)
                        .put("eventId", receipt.eventId())
                        .put("location", eventLocation(receipt.eventId()))
                        .put("outcome", receipt.kind().name().toLowerCase(Locale.ROOT));
            } else if (entry instanceof Submission.Retracted retracted) {
                boolean withdrawn = withdraw(retracted);
                result.put("status", withdrawn ? 200 : 404).put("outcome", withdrawn ? "revoked" : "not-certified");
            } else if (entry instanceof Submission.Ignored ignored) {
                result.put("status", 200).put("outcome", "ignored").put("reason", ignored.reason());
            } else if (entry instanceof Submission.Rejected bad) {
                result.put("status", bad.status()).set("outcome", problems.outcomeJson(bad.problems()));
            }
            entryEventIds.add(entryEventId);
        }
        if (eventIds.isEmpty() && !rejected.isEmpty()) {
            throw new FhirInputException(
                    422, rejected.stream().flatMap(r -> r.problems().stream()).toList());
        }
        HttpAnswer http;
        if (fhirAnswer.isPresent() && submission.kind() != Submission.Kind.SINGLE) {
            FhirEncoding encoding = fhirAnswer.get();
            http = new HttpAnswer(
                    200,
                    encoding.mediaType() + ";charset=UTF-8",
                    responses.responseBundle(submission, entryEventIds, encoding),
                    null);
        } else {
            ObjectNode answer = mapper.createObjectNode();
            if (!eventIds.isEmpty()) {
                answer.put("id", eventIds.get(0));
            }
            answer.set("eventIds", mapper.valueToTree(eventIds));
            answer.set("entries", entries);
            http = HttpAnswer.json(eventIds.isEmpty() ? 200 : 202, answer.toString());
        }
        if (!eventIds.isEmpty()) {
            http = http.withHeader("Location", eventLocation(eventIds.get(0)));
        }
        return new IngestReceipt(toCertify, http);
    }

    /** A single record or a transaction that withdraws what was never certified is an error, stored nowhere. */
    /** An admin corrects what a sender sent; it never makes a record of its own: {@code 404} for any new one. */
    private void requireExistingRecords(Submission submission) {
        List<Problem> unknown = submission.entries().stream()
                .filter(Submission.Accepted.class::isInstance)
                .map(Submission.Accepted.class::cast)
                .filter(a ->
                        events.findByIdempotencyKey(a.event().idempotencyKey()).isEmpty())
                .map(a -> Problem.error(
                        "not-found",
                        "the sender has sent no record with this identifier: an admin corrects records, it does not"
                                + " make new ones",
                        a.entryRef()))
                .toList();
        if (!unknown.isEmpty()) {
            throw new FhirInputException(404, unknown);
        }
    }

    private void requireKnownRetractions(Submission submission) {
        List<Problem> unknown = submission.entries().stream()
                .filter(Submission.Retracted.class::isInstance)
                .map(Submission.Retracted.class::cast)
                .filter(r -> events.findByIdempotencyKey(r.idempotencyKey())
                        .map(StoredEvent::certificateId)
                        .isEmpty())
                .map(r -> Problem.error(
                        "business-rule",
                        "Immunization.status is entered-in-error, but no certificate was issued for this record",
                        r.entryRef()))
                .toList();
        if (!unknown.isEmpty()) {
            throw new FhirInputException(422, unknown);
        }
    }

    /** Revokes what was issued for a record marked {@code entered-in-error}; false when nothing was. */
    boolean withdraw(Submission.Retracted retracted) {
        Optional<StoredEvent> event = events.findByIdempotencyKey(retracted.idempotencyKey());
        boolean withdrawn =
                event.map(StoredEvent::certificateId).map(certificates::revoke).orElse(false);
        if (withdrawn) {
            audit.recordChange(retracted.sourceSystem(), "retract", event.get().id());
        }
        return withdrawn;
    }

    private static String eventLocation(String eventId) {
        return "/api/v1/events/" + eventId;
    }
}

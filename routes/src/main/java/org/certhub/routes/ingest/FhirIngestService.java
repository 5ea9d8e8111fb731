package org.certhub.routes.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.fhirmapping.Problem;
import org.certhub.fhirmapping.Submission;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.security.ApiKeyFilter;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.EventStore;
import org.certhub.routes.store.StoredEvent;
import org.springframework.stereotype.Service;

/**
 * Takes a FHIR submission: parses and maps it (fhir-mapping), stores each accepted dose as an event before
 * anything is acknowledged, withdraws certificates of records marked {@code entered-in-error}, and says per
 * entry what happened. Nothing is stored when the submission is rejected as a whole.
 */
@Service
public class FhirIngestService {

    private final FhirIngestion ingestion;
    private final EventStore events;
    private final CertificateStore certificates;
    private final HttpProblems problems;
    private final ObjectMapper mapper;

    public FhirIngestService(FhirIngestion ingestion, EventStore events, CertificateStore certificates,
                             HttpProblems problems, ObjectMapper mapper) {
        this.ingestion = ingestion;
        this.events = events;
        this.certificates = certificates;
        this.problems = problems;
        this.mapper = mapper;
    }

    /** {@code POST /fhir/r4}: a Bundle of any type, or a single Immunization. */
    public IngestReceipt ingestBundle(@Body String body, @Header("Content-Type") String contentType,
                                      @Header("_format") String format, @Header(ApiKeyFilter.SOURCE_HEADER) String source) {
        FhirEncoding encoding = problems.requestEncoding(body, contentType, format);
        return store(ingestion.read(body, encoding, source));
    }

    /** {@code POST /fhir/r4/Immunization}: one Immunization, its patient contained or referenced. */
    public IngestReceipt ingestImmunization(@Body String body, @Header("Content-Type") String contentType,
                                            @Header("_format") String format, @Header(ApiKeyFilter.SOURCE_HEADER) String source) {
        FhirEncoding encoding = problems.requestEncoding(body, contentType, format);
        return store(ingestion.readImmunization(body, encoding, source));
    }

    /** A FHIR record from a queue (a Kafka topic): same validation and storage as over HTTP. */
    public IngestReceipt ingestRecord(@Body String body, String source) {
        return store(ingestion.read(body, problems.requestEncoding(body, null, null), source));
    }

    IngestReceipt store(Submission submission) {
        List<Submission.Rejected> rejected = submission.entries().stream()
                .filter(Submission.Rejected.class::isInstance).map(Submission.Rejected.class::cast).toList();
        if (submission.kind().allOrNothing() && !rejected.isEmpty()) {
            throw new FhirInputException(422, rejected.stream().flatMap(r -> r.problems().stream()).toList());
        }
        if (submission.kind().allOrNothing()) {
            requireKnownRetractions(submission);
        }
        List<String> toCertify = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        ArrayNode entries = mapper.createArrayNode();
        for (Submission.Entry entry : submission.entries()) {
            ObjectNode result = entries.addObject().put("entry", entry.entryRef());
            if (entry instanceof Submission.Accepted accepted) {
                EventStore.Receipt receipt = events.receive(accepted.event());
                eventIds.add(receipt.eventId());
                if (receipt.needsCertification()) {
                    toCertify.add(receipt.eventId());
                }
                result.put("status", 202).put("eventId", receipt.eventId())
                        .put("location", eventLocation(receipt.eventId()))
                        .put("outcome", receipt.kind().name().toLowerCase(java.util.Locale.ROOT));
            } else if (entry instanceof Submission.Retracted retracted) {
                boolean withdrawn = withdraw(retracted);
                result.put("status", withdrawn ? 200 : 404).put("outcome", withdrawn ? "revoked" : "not-certified");
            } else if (entry instanceof Submission.Ignored ignored) {
                result.put("status", 200).put("outcome", "ignored").put("reason", ignored.reason());
            } else if (entry instanceof Submission.Rejected bad) {
                result.put("status", bad.status()).set("outcome", problems.outcomeJson(bad.problems()));
            }
        }
        if (eventIds.isEmpty() && !rejected.isEmpty()) {
            throw new FhirInputException(422, rejected.stream().flatMap(r -> r.problems().stream()).toList());
        }
        ObjectNode answer = mapper.createObjectNode();
        if (!eventIds.isEmpty()) {
            answer.put("id", eventIds.get(0));
        }
        answer.set("eventIds", mapper.valueToTree(eventIds));
        answer.set("entries", entries);
        int status = eventIds.isEmpty() ? 200 : 202;
        HttpAnswer http = HttpAnswer.json(status, answer.toString());
        if (!eventIds.isEmpty()) {
            http = http.withHeader("Location", eventLocation(eventIds.get(0)));
        }
        return new IngestReceipt(toCertify, http);
    }

    /** A single record or a transaction that withdraws what was never certified is an error, stored nowhere. */
    private void requireKnownRetractions(Submission submission) {
        List<Problem> unknown = submission.entries().stream()
                .filter(Submission.Retracted.class::isInstance).map(Submission.Retracted.class::cast)
                .filter(r -> events.findByIdempotencyKey(r.idempotencyKey()).map(StoredEvent::certificateId).isEmpty())
                .map(r -> Problem.error("business-rule",
                        "Immunization.status is entered-in-error, but no certificate was issued for this record",
                        r.entryRef()))
                .toList();
        if (!unknown.isEmpty()) {
            throw new FhirInputException(422, unknown);
        }
    }

    private boolean withdraw(Submission.Retracted retracted) {
        return events.findByIdempotencyKey(retracted.idempotencyKey())
                .map(StoredEvent::certificateId)
                .map(certificates::revoke)
                .orElse(false);
    }

    private static String eventLocation(String eventId) {
        return "/api/v1/events/" + eventId;
    }
}

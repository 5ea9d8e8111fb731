package org.certhub.routes.divoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.fhirmapping.Problem;
import org.certhub.fhirmapping.Submission;
import org.certhub.fhirmapping.divoc.DivocCertifyMapper;
import org.certhub.model.CertificateStatus;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.ingest.EventIntake;
import org.certhub.routes.ingest.IngestReceipt;
import org.certhub.routes.security.AdminCorrection;
import org.certhub.routes.security.AuditTrail;
import org.certhub.routes.security.Caller;
import org.certhub.routes.security.SenderPolicy;
import org.certhub.routes.security.TrustedHeaders;
import org.certhub.routes.signing.IssuableRecords;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.EventStore;
import org.certhub.routes.store.IssuedCertificate;
import org.certhub.routes.store.StoredEvent;
import org.springframework.stereotype.Service;

/**
 * DIVOC's certify API on certhub's events: certification requests become vaccination events (fhir-mapping's
 * {@link DivocCertifyMapper}), corrections become new revisions of the same event (certified again, superseding
 * the previous certificate), revocations revoke the certificates of a pre-enrolment code's doses.
 */
@Service
public class DivocService {

    private final DivocCertifyMapper mapper;
    private final EventStore events;
    private final CertificateStore certificates;
    private final DivocRecords records;
    private final HttpProblems problems;
    private final ObjectMapper json;
    private final int maxCorrections;
    private final IssuableRecords issuable;
    private final SenderPolicy senderPolicy;
    private final AuditTrail audit;
    private final EventIntake intake;

    public DivocService(
            DivocCertifyMapper mapper,
            EventStore events,
            CertificateStore certificates,
            DivocRecords records,
            HttpProblems problems,
            ObjectMapper json,
            IssuableRecords issuable,
            DivocProperties properties,
            SenderPolicy senderPolicy,
            AuditTrail audit,
            EventIntake intake) {
        this.intake = intake;
        this.issuable = issuable;
        this.senderPolicy = senderPolicy;
        this.audit = audit;
        this.mapper = mapper;
        this.events = events;
        this.certificates = certificates;
        this.records = records;
        this.problems = problems;
        this.json = json;
        this.maxCorrections = properties.maxCorrections();
    }

    /**
     * {@code POST /divoc/api/v1/certify} and {@code /v3/certify}: stores every request's dose and answers
     * {@code 200} at once; certification follows from the queue. A request that does not validate rejects the
     * call ({@code 400}, an OperationOutcome naming each JSON path) and nothing is stored.
     */
    public IngestReceipt certify(@Body String body, @Header(TrustedHeaders.SOURCE_HEADER) String source) {
        return store(validated(body, source), Optional.empty());
    }

    /** @param admin the admin correcting a sender's doses, for the audit trail; empty when the sender sends */
    private IngestReceipt store(Submission received, Optional<Caller> admin) {
        Submission submission = senderPolicy.apply(received);
        List<Problem> refused = submission.entries(Submission.Rejected.class).stream()
                .flatMap(rejected -> rejected.problems().stream())
                .toList();
        if (!refused.isEmpty()) {
            throw new FhirInputException(403, refused);
        }
        List<String> toCertify = new ArrayList<>();
        ObjectNode answer = json.createObjectNode();
        var eventIds = answer.putArray("eventIds");
        List<EventStore.Receipt> receipts = intake.receive(
                submission.entries(Submission.Accepted.class).stream()
                        .map(Submission.Accepted::event)
                        .toList(),
                "divoc",
                admin);
        for (EventStore.Receipt receipt : receipts) {
            eventIds.add(receipt.eventId());
            if (receipt.needsCertification()) {
                toCertify.add(receipt.eventId());
            }
        }
        answer.put("ignored", submission.entries(Submission.Ignored.class).size());
        return new IngestReceipt(toCertify, HttpAnswer.json(200, answer.toString()));
    }

    /**
     * {@code PUT /divoc/api/v1/certificate}: a correction of doses sent before (same pre-enrolment code,
     * programme and dose). Each becomes a new revision of its event, certified again as a new certificate
     * version that supersedes the previous one; an admin corrects a sender's doses naming it ({@code ?sender=}).
     * Unknown doses are {@code 404}; more than
     * {@code certhub.divoc.max-corrections} corrections of one dose are {@code 422}.
     */
    public IngestReceipt correct(
            @Body String body,
            @Header(TrustedHeaders.SOURCE_HEADER) String source,
            @Header(Caller.HEADER) String caller) {
        Optional<Caller> admin = AdminCorrection.of(caller, source);
        Submission submission = validated(body, source);
        List<Problem> unknown = new ArrayList<>();
        List<Problem> exhausted = new ArrayList<>();
        for (Submission.Accepted accepted : submission.entries(Submission.Accepted.class)) {
            Optional<StoredEvent> stored =
                    events.findByIdempotencyKey(accepted.event().idempotencyKey());
            if (stored.isEmpty()) {
                unknown.add(Problem.error(
                        "not-found",
                        "no certificate was requested for this preEnrollmentCode and dose",
                        accepted.entryRef() + ".preEnrollmentCode"));
            } else if (stored.get().revision() > maxCorrections) {
                exhausted.add(Problem.error(
                        "business-rule",
                        "this dose was corrected " + (stored.get().revision() - 1) + " times already, the most allowed",
                        accepted.entryRef()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new FhirInputException(404, unknown);
        }
        if (!exhausted.isEmpty()) {
            throw new FhirInputException(422, exhausted);
        }
        return store(submission, admin);
    }

    /**
     * {@code DELETE /divoc/api/v1/certificates/{preEnrollmentCode}?doses=1&doses=2} (or {@code ?allDoses=true}):
     * revokes the certificates issued for those doses; {@code 404} when none was issued, {@code 403} (and nothing
     * changes) when the code's doses were sent by another sending system.
     */
    public HttpAnswer revoke(
            @Header("preEnrollmentCode") String preEnrollmentCode,
            @Header("doses") Object doses,
            @Header("allDoses") String allDoses,
            @Header(TrustedHeaders.SOURCE_HEADER) String source) {
        boolean all = "true".equalsIgnoreCase(allDoses);
        Set<Integer> wanted = doseNumbers(doses);
        if (!all && wanted.isEmpty()) {
            return problems.answer(400, "required", "name the doses to revoke (?doses=1&doses=2) or ?allDoses=true");
        }
        List<DivocRecords.Dose> own = records.doses(source, preEnrollmentCode);
        if (own.isEmpty() && records.sentByAnother(source, preEnrollmentCode)) {
            return problems.answer(
                    403,
                    "forbidden",
                    "these doses were sent by another sending system: only it or an admin may revoke them");
        }
        List<String> revoked = new ArrayList<>();
        for (DivocRecords.Dose dose : own) {
            if ((all || wanted.contains(dose.dose()))
                    && dose.certificateId() != null
                    && certificates.revoke(dose.certificateId())) {
                revoked.add(dose.certificateId());
                audit.recordChange(source, "revoke", dose.certificateId());
            }
        }
        if (revoked.isEmpty()) {
            return problems.answer(404, "not-found", "no issued certificate was found for these doses");
        }
        ObjectNode answer = json.createObjectNode();
        answer.set("revoked", json.valueToTree(revoked));
        return HttpAnswer.json(200, answer.toString());
    }

    /**
     * {@code POST /divoc/api/v1/certificate/revoked} (no authentication): the signed certificate JSON; {@code 200}
     * when the certificate named in its evidence is revoked or superseded, {@code 404} when it is not.
     */
    public HttpAnswer revokedCheck(@Body String body) {
        JsonNode certificate;
        try {
            certificate = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            certificate = null;
        }
        if (certificate == null || !certificate.isObject()) {
            return problems.answer(400, "structure", "the body must be the signed certificate JSON");
        }
        JsonNode evidence = certificate.path("evidence");
        String id = (evidence.isArray() ? evidence.path(0) : evidence)
                .path("certificateId")
                .asText("");
        if (id.isBlank()) {
            return problems.answer(
                    400,
                    List.of(Problem.error(
                            "required", "the certificate names no certificateId", "evidence[0].certificateId")),
                    FhirEncoding.JSON);
        }
        Optional<CertificateStatus> status =
                certificates.find(id).map(IssuedCertificate::status).filter(s -> s != CertificateStatus.ISSUED);
        if (status.isEmpty()) {
            return problems.answer(404, "not-found", "the certificate is not revoked");
        }
        ObjectNode answer = json.createObjectNode()
                .put("certificateId", id)
                .put("status", status.get().name().toLowerCase(Locale.ROOT));
        return HttpAnswer.json(200, answer.toString());
    }

    /** The mapped requests, or {@code 400} with every rejected request's problems. */
    private Submission validated(String body, String source) {
        Submission submission = mapper.read(body, source);
        List<Problem> invalid = submission.entries(Submission.Rejected.class).stream()
                .flatMap(rejected -> rejected.problems().stream())
                .toList();
        if (!invalid.isEmpty()) {
            throw new FhirInputException(400, invalid);
        }
        List<Problem> unissuable = issuable.screen(submission).entries(Submission.Rejected.class).stream()
                .flatMap(rejected -> rejected.problems().stream())
                .toList();
        if (!unissuable.isEmpty()) {
            throw new FhirInputException(422, unissuable);
        }
        return submission;
    }

    private static Set<Integer> doseNumbers(Object doses) {
        Set<Integer> numbers = new TreeSet<>();
        Collection<?> values = doses instanceof Collection<?> many ? many : doses == null ? List.of() : List.of(doses);
        for (Object value : values) {
            for (String part : String.valueOf(value).split(",")) {
                try {
                    numbers.add(Integer.parseInt(part.strip()));
                } catch (NumberFormatException notANumber) {
                    throw new FhirInputException(
                            400, List.of(Problem.error("value", "doses must be dose numbers", "doses")));
                }
            }
        }
        return numbers;
    }
}

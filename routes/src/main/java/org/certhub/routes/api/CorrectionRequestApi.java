package org.certhub.routes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.security.Caller;
import org.certhub.routes.security.RecordAccess;
import org.certhub.routes.security.Role;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.CorrectionRequests;
import org.certhub.routes.store.EventStore;
import org.certhub.routes.store.StoredEvent;
import org.springframework.stereotype.Service;

/**
 * A citizen asks for a certificate to be corrected ({@code POST /api/v1/citizen/certificates/{id}/correction-requests},
 * free text); the record's sender ({@code GET /api/v1/correction-requests}) and admins and reviewers
 * ({@code GET /api/v1/admin/correction-requests}) read the requests.
 */
@Service
public class CorrectionRequestApi {

    static final int MAX_TEXT = 2000;
    private static final int LIST_LIMIT = 500;

    private final CorrectionRequests requests;
    private final CertificateStore certificates;
    private final EventStore events;
    private final RecordAccess access;
    private final HttpProblems problems;
    private final ObjectMapper mapper;
    private final Clock clock;

    public CorrectionRequestApi(
            CorrectionRequests requests,
            CertificateStore certificates,
            EventStore events,
            RecordAccess access,
            HttpProblems problems,
            ObjectMapper mapper,
            Clock clock) {
        this.requests = requests;
        this.certificates = certificates;
        this.events = events;
        this.access = access;
        this.problems = problems;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** {@code {"text"}} → {@code 201 {"id","certificateId","requestedAt"}}, for the certificate's holder only. */
    public HttpAnswer request(@Header("id") String id, @Body String body, @Header(Caller.HEADER) String header) {
        Optional<Caller> caller = Caller.decode(header).filter(c -> c.is(Role.CITIZEN));
        Optional<StoredEvent> event = certificates
                .find(id)
                .flatMap(issued -> events.find(issued.certificate().eventId()));
        if (event.isEmpty()) {
            return problems.answer(404, "not-found", "no such certificate");
        }
        if (caller.isEmpty() || !access.mayReadCertificate(caller, id, event.get())) {
            return problems.answer(403, "forbidden", "only the certificate's holder may ask for its correction");
        }
        Optional<String> text = text(body);
        if (text.isEmpty()) {
            return problems.answer(
                    400, "required", "the body must be {\"text\": \"...\"} with 1 to " + MAX_TEXT + " characters");
        }
        CorrectionRequests.Request stored =
                requests.add(id, event.get().id(), event.get().event().sourceSystem(), text.get(), clock.instant());
        return HttpAnswer.json(
                201,
                mapper.createObjectNode()
                        .put("id", stored.id())
                        .put("certificateId", id)
                        .put("requestedAt", stored.requestedAt().toString())
                        .toString());
    }

    /** The newest requests: all of them for admins and reviewers, a sender's own records' for a sender. */
    public HttpAnswer list(@Header(Caller.HEADER) String header) {
        Optional<Caller> caller = Caller.decode(header);
        Optional<String> source;
        if (caller.filter(c -> c.is(Role.ADMIN) || c.is(Role.REVIEWER)).isPresent()) {
            source = Optional.empty();
        } else if (caller.flatMap(Caller::senderId).isPresent()) {
            source = caller.flatMap(Caller::senderId);
        } else {
            return problems.answer(403, "forbidden", "correction requests are for the record's sender and admins");
        }
        ArrayNode list = mapper.createArrayNode();
        requests.newest(source, LIST_LIMIT)
                .forEach(request -> list.addObject()
                        .put("id", request.id())
                        .put("certificateId", request.certificateId())
                        .put("eventId", request.eventId())
                        .put("sender", request.sourceSystem())
                        .put("text", request.text())
                        .put("requestedAt", request.requestedAt().toString()));
        return HttpAnswer.json(
                200, mapper.createObjectNode().set("requests", list).toString());
    }

    private Optional<String> text(String body) {
        try {
            JsonNode text = body == null || body.isBlank()
                    ? null
                    : mapper.readTree(body).path("text");
            return text != null
                            && text.isTextual()
                            && !text.asText().isBlank()
                            && text.asText().strip().length() <= MAX_TEXT
                    ? Optional.of(text.asText().strip())
                    : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}

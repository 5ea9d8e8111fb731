package org.certhub.routes.api.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.camel.Header;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.security.AuditTrail;
import org.springframework.stereotype.Service;

/** {@code GET /api/v1/admin/audit?from=&to=&action=}: the audit trail, oldest first, at most 1,000 rows a call. */
@Service
public class AuditApi {

    static final int LIMIT = 1000;

    private final AuditTrail trail;
    private final HttpProblems problems;
    private final ObjectMapper mapper;

    public AuditApi(AuditTrail trail, HttpProblems problems, ObjectMapper mapper) {
        this.trail = trail;
        this.problems = problems;
        this.mapper = mapper;
    }

    public HttpAnswer entries(@Header("from") String from, @Header("to") String to, @Header("action") String action) {
        Instant start;
        Instant end;
        try {
            start = from == null || from.isBlank() ? Instant.EPOCH : Instant.parse(from);
            end = to == null || to.isBlank() ? Instant.now().plusSeconds(1) : Instant.parse(to);
        } catch (DateTimeParseException e) {
            return problems.answer(400, "value", "from and to are ISO-8601 instants, e.g. 2026-01-31T00:00:00Z");
        }
        ArrayNode rows = mapper.createArrayNode();
        trail.between(start, end, action == null || action.isBlank() ? null : action, LIMIT)
                .forEach(entry -> rows.addObject()
                        .put("id", entry.id())
                        .put("at", entry.occurredAt().toString())
                        .put("actor", entry.actor())
                        .put("role", entry.role())
                        .put("action", entry.action())
                        .put("targetId", entry.targetId())
                        .put("outcome", entry.outcome())
                        .put("clientAddress", entry.clientAddress())
                        .put("attempts", entry.attempts()));
        return HttpAnswer.json(
                200,
                mapper.createObjectNode()
                        .put("limit", LIMIT)
                        .set("entries", rows)
                        .toString());
    }
}

package org.certhub.routes.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.certhub.routes.config.Secrets;
import org.certhub.routes.config.SecurityProperties;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.security.KeyHashes;
import org.certhub.routes.security.SenderIds;
import org.certhub.routes.security.Senders;
import org.springframework.stereotype.Service;

/**
 * Sending systems: {@code POST /api/v1/admin/senders} registers one and answers its API key (once: only its hash is
 * kept), {@code POST /api/v1/admin/senders/{id}/keys} issues a new key while the previous ones keep working for
 * {@code certhub.security.key-overlap}, {@code DELETE /api/v1/admin/senders/{id}} disables it (its keys stop at once;
 * its records stay).
 */
@Service
public class SenderAdminApi {

    /** The header the new sender's id is put in, for the audit trail. */
    public static final String CREATED_ID = "certhubCreatedSender";

    private final Senders senders;
    private final SecurityProperties security;
    private final HttpProblems problems;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SenderAdminApi(
            Senders senders, SecurityProperties security, HttpProblems problems, ObjectMapper mapper, Clock clock) {
        this.senders = senders;
        this.security = security;
        this.problems = problems;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** {@code {"id","name","programmes":[...],"facilities":[...]}} → {@code 201 {"id","apiKey"}}. */
    public HttpAnswer create(@Body String body, Message message) {
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (IOException notJson) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            return problems.answer(
                    400, "structure", "the body must be {\"id\",\"name\",\"programmes\":[...],\"facilities\":[...]}");
        }
        String id = request.path("id").asText(null);
        if (!SenderIds.isValid(id)) {
            return problems.answer(
                    400,
                    "value",
                    "id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        List<String> programmes = strings(request.path("programmes"));
        List<String> facilities = strings(request.path("facilities"));
        if (programmes == null || facilities == null) {
            return problems.answer(400, "value", "programmes and facilities must be arrays of strings without ','");
        }
        message.setHeader(CREATED_ID, id);
        Instant now = clock.instant();
        String name = request.path("name").asText(id);
        if (!senders.create(new Senders.Sender(id, name, programmes, facilities, true), now)) {
            return problems.answer(409, "conflict", "a sender with this id exists; rotate its key instead");
        }
        String key = Secrets.randomKey();
        senders.addKey(id, KeyHashes.hash(key), Senders.KeyOrigin.API, now);
        return HttpAnswer.json(
                        201,
                        mapper.createObjectNode()
                                .put("id", id)
                                .put("apiKey", key)
                                .toString())
                .withHeader("Location", "/api/v1/admin/senders/" + id);
    }

    /** A new key; the earlier ones work until now + the overlap: {@code {"id","apiKey","previousKeysValidUntil"}}. */
    public HttpAnswer rotateKey(@Header("id") String id) {
        if (!SenderIds.isValid(id) || senders.find(id).isEmpty()) {
            return problems.answer(404, "not-found", "no such sender");
        }
        Instant now = clock.instant();
        String key = Secrets.randomKey();
        String hash = KeyHashes.hash(key);
        senders.addKey(id, hash, Senders.KeyOrigin.API, now);
        Instant until = now.plus(security.keyOverlap());
        senders.expireKeysExcept(id, hash, until);
        return HttpAnswer.json(
                200,
                mapper.createObjectNode()
                        .put("id", id)
                        .put("apiKey", key)
                        .put("previousKeysValidUntil", until.toString())
                        .toString());
    }

    /** Disables a sender: {@code {"id","enabled":false}}. */
    public HttpAnswer disable(@Header("id") String id) {
        if (!SenderIds.isValid(id) || !senders.disable(id, clock.instant())) {
            return problems.answer(404, "not-found", "no such sender");
        }
        return HttpAnswer.json(
                200,
                mapper.createObjectNode().put("id", id).put("enabled", false).toString());
    }

    private static List<String> strings(JsonNode array) {
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()
                    || item.asText().contains(",")
                    || item.asText().isBlank()) {
                return null;
            }
            values.add(item.asText().strip());
        }
        return List.copyOf(values);
    }
}

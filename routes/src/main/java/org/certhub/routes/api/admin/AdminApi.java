package org.certhub.routes.api.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.certhub.model.EventState;
import org.certhub.routes.certify.EventReviews;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.store.CertificateStore;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Administration: dead-letter replay, revocation, key rotation and the review queue of held events. */
@Service
public class AdminApi {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final int LIST_LIMIT = 500;

    private final DeadLetterReplay replay;
    private final CertificateStore certificates;
    private final SigningKeyProvider keys;
    private final EventReviews reviews;
    private final ProducerTemplate producer;
    private final HttpProblems problems;
    private final ObjectMapper mapper;

    public AdminApi(
            DeadLetterReplay replay,
            CertificateStore certificates,
            SigningKeyProvider keys,
            EventReviews reviews,
            ProducerTemplate producer,
            HttpProblems problems,
            ObjectMapper mapper) {
        this.replay = replay;
        this.certificates = certificates;
        this.keys = keys;
        this.reviews = reviews;
        this.producer = producer;
        this.problems = problems;
        this.mapper = mapper;
    }

    /** {@code POST /api/v1/admin/dead-letters/{queue}/replay}: {@code {"replayed": n}}. */
    public HttpAnswer replayDeadLetters(@Header("queue") String queue) {
        return replay.replay(queue)
                .map(count -> HttpAnswer.json(
                        200, mapper.createObjectNode().put("replayed", count).toString()))
                .orElseGet(() -> problems.answer(404, "not-found", "no queue of that name; known: " + replay.names()));
    }

    /** {@code POST /api/v1/admin/certificates/{id}/revoke}: verification fails as revoked from now on. */
    public HttpAnswer revoke(@Header("id") String id) {
        if (certificates.find(id).isEmpty()) {
            return problems.answer(404, "not-found", "no such certificate");
        }
        if (!certificates.revoke(id)) {
            return problems.answer(
                    409, "conflict", "only an issued certificate can be revoked; this one is revoked or superseded");
        }
        LOG.info("certificate {} revoked by an administrator", id);
        return HttpAnswer.json(
                200,
                mapper.createObjectNode().put("id", id).put("status", "revoked").toString());
    }

    /** {@code POST /api/v1/admin/keys/{purpose}/rotate}: a new active key; earlier keys keep verifying. */
    public HttpAnswer rotateKey(@Header("purpose") String purpose) {
        Optional<KeyPurpose> parsed = Arrays.stream(KeyPurpose.values())
                .filter(p -> p.name()
                        .equals(
                                purpose == null
                                        ? ""
                                        : purpose.toUpperCase(Locale.ROOT).replace('-', '_')))
                .findFirst();
        if (parsed.isEmpty()) {
            return problems.answer(
                    404, "not-found", "no key purpose of that name; known: " + Arrays.toString(KeyPurpose.values()));
        }
        if (!(keys instanceof KeyStoreSigningKeyProvider keyStore)) {
            return problems.answer(
                    409,
                    "conflict",
                    "signing keys are not held in the hub's keystore (e.g. an HSM);"
                            + " rotate them in the key store that holds them");
        }
        SigningKey key = keyStore.rotate(parsed.get());
        LOG.info("rotated the {} signing key", parsed.get());
        return HttpAnswer.json(
                200,
                mapper.createObjectNode()
                        .put("purpose", parsed.get().name())
                        .put("keyId", key.kid())
                        .toString());
    }

    /** {@code GET /api/v1/admin/events?state=held}: the review queue (or any other state). */
    public HttpAnswer events(@Header("state") String state) {
        Optional<EventState> parsed = Arrays.stream(EventState.values())
                .filter(s -> s.apiName().equals(state == null || state.isBlank() ? EventState.HELD.apiName() : state))
                .findFirst();
        if (parsed.isEmpty()) {
            return problems.answer(
                    400,
                    "invalid",
                    "state must be one of "
                            + Arrays.stream(EventState.values())
                                    .map(EventState::apiName)
                                    .toList());
        }
        ArrayNode list = mapper.createArrayNode();
        reviews.inState(parsed.get(), LIST_LIMIT)
                .forEach(event -> list.addObject()
                        .put("id", event.id())
                        .put("programmeId", event.programmeId())
                        .put("reason", event.reason())
                        .put("idCheck", event.idCheck())
                        .put("updatedAt", event.updatedAt().toString()));
        return HttpAnswer.json(
                200,
                mapper.createObjectNode()
                        .put("state", parsed.get().apiName())
                        .set("events", list)
                        .toString());
    }

    /** {@code POST /api/v1/admin/events/{id}/approve}: the identity check is waived and the event certified. */
    public HttpAnswer approve(@Header("id") String id) {
        if (!reviews.approve(id)) {
            return problems.answer(409, "conflict", "no held event has this id");
        }
        producer.sendBody("direct:queue-for-certification", id);
        LOG.info("event {} approved on review", id);
        return HttpAnswer.json(
                202,
                mapper.createObjectNode()
                        .put("id", id)
                        .put("state", EventState.RECEIVED.apiName())
                        .toString());
    }

    /** {@code POST /api/v1/admin/events/{id}/reject}: the held event fails and is never certified. */
    public HttpAnswer reject(@Header("id") String id) {
        if (!reviews.reject(id)) {
            return problems.answer(409, "conflict", "no held event has this id");
        }
        LOG.info("event {} rejected on review", id);
        return HttpAnswer.json(
                200,
                mapper.createObjectNode()
                        .put("id", id)
                        .put("state", EventState.FAILED.apiName())
                        .toString());
    }
}

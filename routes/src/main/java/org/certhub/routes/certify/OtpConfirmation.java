package org.certhub.routes.certify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.certhub.connectors.id.otp.OtpStore;
import org.certhub.connectors.id.spi.IdVerification;
import org.certhub.connectors.id.spi.IdVerifier;
import org.certhub.model.EventState;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/v1/events/{id}/otp} with {@code {"challengeId": ..., "code": ...}}: the citizen confirms the
 * one-time code of an event held for it; a right code settles the identity and queues the event again.
 */
@Service
public class OtpConfirmation {

    private static final Pattern CODE = Pattern.compile("[0-9]{4,12}");
    private static final int MAX_CHALLENGE_ID = 128;

    private final OtpStore challenges;
    private final IdVerifier verifier;
    private final EventReviews reviews;
    private final ProducerTemplate producer;
    private final HttpProblems problems;
    private final ObjectMapper mapper;

    public OtpConfirmation(
            OtpStore challenges,
            IdVerifier verifier,
            EventReviews reviews,
            ProducerTemplate producer,
            HttpProblems problems,
            ObjectMapper mapper) {
        this.challenges = challenges;
        this.verifier = verifier;
        this.reviews = reviews;
        this.producer = producer;
        this.problems = problems;
        this.mapper = mapper;
    }

    public HttpAnswer confirm(@Header("id") String eventId, @Body String body) {
        JsonNode request;
        try {
            request = mapper.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return problems.answer(400, "invalid", "the body must be JSON: {\"challengeId\": ..., \"code\": ...}");
        }
        String challengeId =
                request == null ? null : request.path("challengeId").textValue();
        String code = request == null ? null : request.path("code").textValue();
        if (challengeId == null
                || challengeId.isBlank()
                || challengeId.length() > MAX_CHALLENGE_ID
                || code == null
                || !CODE.matcher(code).matches()) {
            return problems.answer(400, "invalid", "challengeId and a numeric code are required");
        }
        boolean ofThisEvent =
                challenges.find(challengeId).map(c -> c.key().equals(eventId)).orElse(false);
        if (!ofThisEvent) {
            return problems.answer(404, "not-found", "no open challenge of this event has that id");
        }
        IdVerification result = verifier.confirm(challengeId, code);
        if (result.outcome() != IdVerification.Outcome.VERIFIED) {
            return HttpAnswer.json(
                    422,
                    mapper.createObjectNode()
                            .put("confirmed", false)
                            .put("failure", result.challengeFailure().name().toLowerCase(Locale.ROOT))
                            .toString());
        }
        if (!reviews.confirmIdentity(eventId, verifier.name(), challengeId)) {
            return problems.answer(409, "conflict", "the event is no longer waiting for a code");
        }
        producer.sendBody("direct:queue-for-certification", eventId);
        return HttpAnswer.json(
                202,
                mapper.createObjectNode()
                        .put("confirmed", true)
                        .put("state", EventState.RECEIVED.apiName())
                        .toString());
    }
}

package org.certhub.routes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.metrics.HubMetrics;
import org.certhub.routes.store.CertificateStore;
import org.certhub.signer.Verification;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.shc.ShcVerifier;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/v1/verify}: the text of any supported QR code ({@code text/plain}), DIVOC's zipped binary QR
 * ({@code application/octet-stream}), or chunked SMART Health Card codes ({@code {"qr":[...]}}); optionally as
 * of {@code ?at=<instant>}.
 */
@Service
public class VerifyApi {

    private final Verification verification;
    private final ShcVerifier shc;
    private final CertificateStore certificates;
    private final HttpProblems problems;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HubMetrics metrics;

    public VerifyApi(
            Verification verification,
            ShcVerifier shc,
            CertificateStore certificates,
            HttpProblems problems,
            ObjectMapper mapper,
            Clock clock,
            HubMetrics metrics) {
        this.metrics = metrics;
        this.verification = verification;
        this.shc = shc;
        this.certificates = certificates;
        this.problems = problems;
        this.mapper = mapper;
        this.clock = clock;
    }

    public HttpAnswer verify(@Body byte[] body, @Header("Content-Type") String contentType, @Header("at") String at) {
        Instant when;
        try {
            when = at == null || at.isBlank() ? clock.instant() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            return problems.answer(400, "value", "at must be an ISO-8601 instant such as 2021-06-01T00:00:00Z");
        }
        if (body == null || body.length == 0) {
            return problems.answer(400, "required", "the body must carry the QR code to verify");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        VerificationResult result;
        if (type.startsWith("application/octet-stream")) {
            result = verification.verifyBinary(body, when);
        } else if (type.startsWith("application/json")) {
            List<String> codes = qrList(body);
            if (codes.isEmpty()) {
                return problems.answer(400, "required", "the JSON body must be {\"qr\":[\"<QR text>\", ...]}");
            }
            result = codes.size() == 1 ? verification.verify(codes.get(0), when) : verifyChunks(codes, when);
        } else {
            result = verification.verify(new String(body, StandardCharsets.UTF_8), when);
        }
        metrics.verification(result.format(), result.valid());
        return HttpAnswer.json(200, answer(result).toString());
    }

    /** Chunked codes are SMART Health Cards by definition (the other formats fit one code). */
    private VerificationResult verifyChunks(List<String> chunks, Instant when) {
        VerificationResult result = shc.verifyChunks(chunks, when);
        if (result.valid() && result.certificateId() != null && certificates.isWithdrawn(result.certificateId())) {
            return result.rejectedFor(VerificationResult.Reasons.REVOKED);
        }
        return result;
    }

    private List<String> qrList(byte[] body) {
        List<String> codes = new ArrayList<>();
        try {
            JsonNode qr = mapper.readTree(body).path("qr");
            if (qr.isTextual()) {
                codes.add(qr.asText());
            }
            qr.forEach(code -> {
                if (code.isTextual()) {
                    codes.add(code.asText());
                }
            });
        } catch (IOException notJson) {
            return List.of();
        }
        return codes;
    }

    private ObjectNode answer(VerificationResult result) {
        ObjectNode answer =
                mapper.createObjectNode().put("valid", result.valid()).put("format", result.format());
        if (!result.valid()) {
            answer.put("reason", result.reason());
        }
        answer.put("issuer", result.issuer());
        answer.set("subject", mapper.valueToTree(result.subject()));
        if (result.certificateId() != null) {
            answer.put("certificateId", result.certificateId());
        }
        if (result.keyId() != null) {
            answer.put("keyId", result.keyId());
        }
        return answer;
    }
}

package org.certhub.routes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Header;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.export.DdccDocumentWriter;
import org.certhub.render.CertificateDocument;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.distribute.RecipientLanguages;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.security.Caller;
import org.certhub.routes.security.RecordAccess;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.DeliveryStore;
import org.certhub.routes.store.EventStore;
import org.certhub.routes.store.IssuedCertificate;
import org.certhub.routes.store.StoredEvent;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.qr.QrCodes;
import org.certhub.signer.shc.ShcFormat;
import org.springframework.stereotype.Service;

/**
 * Reads of events and certificates: state, the signed record, its QR code, its PDF, its deliveries; each for the
 * record's sender, an admin, or (certificates) the citizen holding a link or session for it.
 */
@Service
public class CertificateApi {

    private static final int QR_SIZE_PX = 400;

    private final EventStore events;
    private final CertificateStore certificates;
    private final DeliveryStore deliveries;
    private final CertificateDocument documents;
    private final HttpProblems problems;
    private final ObjectMapper mapper;
    private final String primaryFormat;
    private final RecordAccess access;
    private final DdccDocumentWriter ddcc;
    private final RecipientLanguages languages;

    public CertificateApi(
            EventStore events,
            CertificateStore certificates,
            DeliveryStore deliveries,
            CertificateDocument documents,
            HttpProblems problems,
            ObjectMapper mapper,
            CerthubProperties properties,
            RecordAccess access,
            DdccDocumentWriter ddcc,
            RecipientLanguages languages) {
        this.access = access;
        this.ddcc = ddcc;
        this.languages = languages;
        this.events = events;
        this.certificates = certificates;
        this.deliveries = deliveries;
        this.documents = documents;
        this.problems = problems;
        this.mapper = mapper;
        this.primaryFormat = properties.primaryFormat();
    }

    /** {@code GET /api/v1/events/{id}}: for the event's sender and admins. */
    public HttpAnswer event(@Header("id") String id, @Header(Caller.HEADER) String caller) {
        return events.find(id)
                .map(event -> {
                    if (!access.mayReadEvent(Caller.decode(caller), event)) {
                        return forbidden();
                    }
                    ObjectNode body = mapper.createObjectNode()
                            .put("id", event.id())
                            .put("state", event.state().apiName())
                            .put("certificateId", event.certificateId())
                            .put("reason", event.reason());
                    return HttpAnswer.json(200, body.toString());
                })
                .orElseGet(() -> notFound("event"));
    }

    /** {@code GET /api/v1/certificates/{id}}: the record with every signed credential. */
    public HttpAnswer certificate(@Header("id") String id, @Header(Caller.HEADER) String caller) {
        return withCertificate(
                id, caller, issued -> HttpAnswer.json(200, record(issued).toString()));
    }

    /** {@code GET /api/v1/certificates/{id}/{format}}: one credential as its own document. */
    public HttpAnswer credential(
            @Header("id") String id, @Header("format") String format, @Header(Caller.HEADER) String caller) {
        return withCredential(
                id,
                format,
                caller,
                (issued, credential) -> new HttpAnswer(200, credential.mediaType(), credential.document(), Map.of()));
    }

    /**
     * {@code GET /api/v1/certificates/{id}/shc.smart-health-card}: the SMART Health Card as the file wallets import,
     * {@code {"verifiableCredential":[jws]}} as {@code application/smart-health-card}.
     */
    public HttpAnswer smartHealthCard(@Header("id") String id, @Header(Caller.HEADER) String caller) {
        return withCredential(
                id,
                ShcFormat.ID,
                caller,
                (issued, credential) -> new HttpAnswer(
                        200,
                        ShcFormat.FILE_MEDIA_TYPE,
                        ShcFormat.healthCardFile(credential),
                        Map.of(
                                "Content-Disposition",
                                "attachment; filename=\"certificate-" + issued.id() + ".smart-health-card\"")));
    }

    /** {@code GET /api/v1/certificates/{id}/ddcc}: the certificate as a WHO DDCC:VS document Bundle. */
    public HttpAnswer ddcc(@Header("id") String id, @Header(Caller.HEADER) String caller) {
        return withCertificate(
                id,
                caller,
                issued -> new HttpAnswer(
                        200,
                        FhirEncoding.JSON.mediaType(),
                        ddcc.encode(issued.certificate(), FhirEncoding.JSON),
                        Map.of()));
    }

    /** {@code GET /api/v1/certificates/{id}/qr.png}. */
    public HttpAnswer qrPng(
            @Header("id") String id, @Header("format") String format, @Header(Caller.HEADER) String caller) {
        return withCredential(
                id,
                format,
                caller,
                (issued, credential) -> new HttpAnswer(
                        200,
                        "image/png",
                        QrCodes.png(credential.qrText(), QrCodes.errorCorrectionFor(credential.format()), QR_SIZE_PX),
                        Map.of()));
    }

    /** {@code GET /api/v1/certificates/{id}/certificate.pdf}: in {@code lang}, else in the recipient's language. */
    public HttpAnswer pdf(
            @Header("id") String id,
            @Header("format") String format,
            @Header("lang") String lang,
            @Header(Caller.HEADER) String caller) {
        return withCredential(
                id,
                format,
                caller,
                (issued, credential) -> new HttpAnswer(
                        200,
                        "application/pdf",
                        documents.pdf(
                                issued.certificate(),
                                credential,
                                lang == null || lang.isBlank()
                                        ? languages.of(issued.certificate())
                                        : Locale.forLanguageTag(lang)),
                        Map.of("Content-Disposition", "inline; filename=\"certificate-" + issued.id() + ".pdf\"")));
    }

    /** {@code GET /api/v1/certificates/{id}/deliveries}. */
    public HttpAnswer deliveries(@Header("id") String id, @Header(Caller.HEADER) String caller) {
        return withCertificate(id, caller, issued -> {
            var list = mapper.createArrayNode();
            deliveries
                    .forCertificate(id)
                    .forEach(d -> list.addObject()
                            .put("channel", d.channel())
                            .put("state", d.state().apiName())
                            .put("attempts", d.attempts())
                            .put("lastError", d.lastError())
                            .put("updatedAt", d.updatedAt().toString()));
            return HttpAnswer.json(
                    200,
                    mapper.createObjectNode()
                            .put("certificateId", id)
                            .set("deliveries", list)
                            .toString());
        });
    }

    private HttpAnswer withCredential(
            String id,
            String format,
            String caller,
            java.util.function.BiFunction<IssuedCertificate, SignedCredential, HttpAnswer> answer) {
        String wanted = format == null || format.isBlank() ? primaryFormat : format;
        return withCertificate(
                id,
                caller,
                issued -> issued.credential(wanted)
                        .map(credential -> answer.apply(issued, credential))
                        .orElseGet(() -> problems.answer(
                                404, "not-found", "this certificate was not issued in the format " + wanted)));
    }

    /** The certificate, when it exists and the caller may read it ({@link RecordAccess}). */
    private HttpAnswer withCertificate(String id, String caller, Function<IssuedCertificate, HttpAnswer> answer) {
        Optional<IssuedCertificate> issued = certificates.find(id);
        if (issued.isEmpty()) {
            return notFound("certificate");
        }
        Optional<StoredEvent> event = events.find(issued.get().certificate().eventId());
        if (event.isEmpty() || !access.mayReadCertificate(Caller.decode(caller), id, event.get())) {
            return forbidden();
        }
        return answer.apply(issued.get());
    }

    private HttpAnswer forbidden() {
        return problems.answer(403, "forbidden", "only the record's sender, an admin or its holder may read it");
    }

    private ObjectNode record(IssuedCertificate issued) {
        ObjectNode body = mapper.createObjectNode()
                .put("id", issued.id())
                .put("version", issued.certificate().version())
                .put("status", issued.status().name().toLowerCase(Locale.ROOT))
                .put("eventId", issued.certificate().eventId())
                .put("previousCertificateId", issued.certificate().previousCertificateId())
                .put("issuedAt", issued.certificate().issuedAt().toString());
        issued.credential(primaryFormat).ifPresent(primary -> body.set("credential", document(primary)));
        ObjectNode all = body.putObject("credentials");
        issued.credentials()
                .forEach((format, credential) -> all.putObject(format)
                        .put("keyId", credential.keyId())
                        .put("mediaType", credential.mediaType())
                        .put("qr", credential.qrText())
                        .set("document", document(credential)));
        // a configured format the record could not be carried in: its stable reason instead of a credential
        issued.skipped()
                .forEach(skipped -> all.putObject(skipped.format())
                        .put("skipped", skipped.reason().apiName())
                        .put("detail", skipped.detail()));
        return body;
    }

    /** A JSON credential embeds as JSON; a text one (HC1:, a compact JWS) as a string. */
    private JsonNode document(SignedCredential credential) {
        if (credential.mediaType().contains("json")) {
            try {
                return mapper.readTree(credential.document());
            } catch (IOException notJson) {
                // fall through: serve it as text
            }
        }
        return mapper.getNodeFactory().textNode(credential.document());
    }

    private HttpAnswer notFound(String what) {
        return problems.answer(404, "not-found", "no such " + what);
    }
}

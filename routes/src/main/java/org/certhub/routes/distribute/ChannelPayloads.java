package org.certhub.routes.distribute;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.certhub.connectors.distribution.document.CertificateEvent;
import org.certhub.connectors.distribution.document.SmartHealthCardFile;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.render.CertificateDocument;
import org.certhub.render.CertificateView;
import org.certhub.render.Templates;
import org.certhub.signer.SignedCredential;
import org.springframework.stereotype.Component;

/** The bytes a {@code camel} channel sends for a delivery, by {@link ChannelPayload}. */
@Component
public class ChannelPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

    private final CertificateDocument documents;
    private final Templates templates;
    private final Clock clock;

    public ChannelPayloads(CertificateDocument documents, Templates templates, Clock clock) {
        this.documents = documents;
        this.templates = templates;
        this.clock = clock;
    }

    /** A body, its media type and the file name extension it is written with. */
    public record Payload(byte[] body, String mediaType, String extension) {}

    /**
     * @param template the template name below {@code templates/} without {@code .hbs}, for {@link ChannelPayload#TEMPLATE}
     * @throws PermanentDeliveryException when the certificate has no credential the payload needs
     */
    public Payload of(ChannelPayload kind, String template, DeliveryRequest request) {
        return switch (kind) {
            case EVENT ->
                new Payload(
                        CertificateEvent.bytes(
                                request, request.deliveryId(), clock.instant().getEpochSecond()),
                        "application/json",
                        "json");
            case PDF ->
                new Payload(
                        documents.pdf(request.certificate(), request.primaryCredential(), request.locale()),
                        "application/pdf",
                        "pdf");
            case CREDENTIAL -> {
                SignedCredential credential = request.primaryCredential();
                yield new Payload(
                        credential.document().getBytes(StandardCharsets.UTF_8),
                        credential.mediaType(),
                        credential.mediaType().contains("json") ? "json" : "txt");
            }
            case SHC_FILE ->
                new Payload(
                        SmartHealthCardFile.of(
                                Optional.ofNullable(request.credentials().get("shc"))
                                        .orElseThrow(() -> new PermanentDeliveryException(
                                                "the certificate has no shc credential"))),
                        SmartHealthCardFile.MEDIA_TYPE,
                        "smart-health-card");
            case TEMPLATE ->
                new Payload(
                        templates
                                .apply(template, request.locale(), templateModel(request))
                                .getBytes(StandardCharsets.UTF_8),
                        "text/plain; charset=UTF-8",
                        "txt");
        };
    }

    /** Whether the named template exists, for the check at start. */
    public boolean hasTemplate(String template) {
        return templates.exists(template);
    }

    /** {@code event} (the event's fields), {@code certificate} (as the PDF shows it), {@code credential}, {@code qrText}. */
    private Map<String, Object> templateModel(DeliveryRequest request) {
        SignedCredential primary = request.primaryCredential();
        return Map.of(
                "event",
                        JSON.convertValue(
                                CertificateEvent.json(
                                        request,
                                        request.deliveryId(),
                                        clock.instant().getEpochSecond()),
                                FIELDS),
                "certificate", CertificateView.of(request.certificate(), templates.messages(), request.locale()),
                "credential", primary.document(),
                "qrText", primary.qrText());
    }
}

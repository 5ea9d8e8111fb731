package org.certhub.connectors.distribution.digilocker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.camel.CamelContext;
import org.certhub.connectors.distribution.http.DeliveryHttp;
import org.certhub.connectors.distribution.http.DeliveryLedger;
import org.certhub.connectors.distribution.http.HeaderValues;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.http.HttpCall;
import org.certhub.connectors.http.HttpResult;
import org.certhub.connectors.http.OutboundHttp;
import org.certhub.model.Certificate;
import org.certhub.model.ContactPoint;
import org.w3c.dom.Element;

/**
 * Channel {@code digilocker}: pushes an issued certificate's URI and metadata into the citizen's locker
 * (account found by mobile number), which later fetches the document through {@link DigiLockerPullService}.
 * The delivery id is the push's transaction id ({@code txn}) and its {@code Idempotency-Key}; the locker's
 * 409 (already pushed) counts as done, and the {@link DeliveryLedger} stops a redelivery from pushing twice.
 * For XML pushes, an answer whose {@code ResponseStatus} has a {@code Status} other than 1 is a failure.
 */
public final class DigiLockerPushDistributor implements CertificateDistributor {

    public static final String CHANNEL = "digilocker";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DigiLockerPushSettings settings;
    private final DeliveryLedger ledger;
    private final Clock clock;
    private final DeliveryHttp http;

    public DigiLockerPushDistributor(
            DigiLockerPushSettings settings, DeliveryLedger ledger, Clock clock, CamelContext camel) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = new DeliveryHttp(
                CHANNEL,
                new OutboundHttp(camel, "locker", settings.url(), settings.auth(), settings.timeouts(), clock));
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** The locker finds the account by mobile number: the recipient needs one. */
    @Override
    public boolean appliesTo(DeliveryRequest request) {
        return mobile(request).isPresent();
    }

    @Override
    public DeliveryReceipt deliver(DeliveryRequest request) {
        String deliveryId = HeaderValues.deliveryId(request);
        Certificate certificate = request.certificate();
        String uri;
        try {
            uri = settings.issuer().uri(certificate.id());
        } catch (IllegalArgumentException e) {
            throw new PermanentDeliveryException(CHANNEL + ": the certificate id cannot be made a locker URI", e);
        }
        if (ledger.isDone(deliveryId)) {
            return new DeliveryReceipt(uri);
        }
        String mobile = mobile(request)
                .orElseThrow(() -> new PermanentDeliveryException(CHANNEL + ": the recipient has no mobile number"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("action", "A");
        fields.put("uri", uri);
        fields.put("docType", settings.issuer().docType());
        fields.put("docId", certificate.id());
        fields.put("description", settings.description());
        fields.put(
                "issuedDate",
                LocalDate.ofInstant(certificate.issuedAt(), ZoneOffset.UTC).toString());
        fields.put("mobile", mobile);
        String ts = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] body = settings.format() == DigiLockerPushSettings.Format.JSON
                ? json(deliveryId, ts, fields)
                : xml(deliveryId, ts, fields);

        HttpResult response = http.exchange(new HttpCall(
                "POST",
                null,
                body,
                settings.format() == DigiLockerPushSettings.Format.JSON ? "application/json" : "application/xml",
                Map.of("Idempotency-Key", deliveryId)));
        if (response.status() != 409) {
            http.requireSuccess(response.status());
            requireAcceptedXml(response.body());
        }
        ledger.markDone(deliveryId);
        return new DeliveryReceipt(uri);
    }

    private byte[] json(String txn, String ts, Map<String, String> fields) {
        var node = JSON.createObjectNode().put("txn", txn).put("ts", ts).put("orgId", settings.orgId());
        fields.forEach(node::put);
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the push request", e);
        }
    }

    /** {@code <PushURIRequest ver ts txn orgId><UriDetails><Action/><URI/>...</UriDetails></PushURIRequest>}. */
    private byte[] xml(String txn, String ts, Map<String, String> fields) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("PushURIRequest");
            xml.writeAttribute("ver", "1.0");
            xml.writeAttribute("ts", ts);
            xml.writeAttribute("txn", txn);
            xml.writeAttribute("orgId", settings.orgId());
            xml.writeStartElement("UriDetails");
            for (Map.Entry<String, String> field : fields.entrySet()) {
                SecureXml.element(xml, xmlName(field.getKey()), field.getValue());
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the push request", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** JSON field names as DigiLocker's XML element names: {@code docType} becomes {@code DocType}, uri URI. */
    private static String xmlName(String field) {
        return field.equals("uri") ? "URI" : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private void requireAcceptedXml(String body) {
        if (settings.format() != DigiLockerPushSettings.Format.XML || body == null || body.isBlank()) {
            return;
        }
        Element root;
        try {
            root = SecureXml.parse(body.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        } catch (IllegalArgumentException e) {
            throw new TransientDeliveryException(CHANNEL + ": the locker's answer is not XML", e);
        }
        Optional<String> status = SecureXml.child(root, "ResponseStatus").map(s -> SecureXml.attribute(s, "Status"));
        if (status.isPresent() && !"1".equals(status.get())) {
            throw new TransientDeliveryException(CHANNEL + ": the locker answered Status=" + status.get());
        }
    }

    private static Optional<String> mobile(DeliveryRequest request) {
        return request.certificate()
                .recipient()
                .contact(ContactPoint.Channel.PHONE)
                .filter(m -> !m.isBlank());
    }
}

package org.certhub.connectors.distribution.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.TreeSet;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.model.Certificate;
import org.certhub.model.CertificateStatus;
import org.certhub.model.Facility;

/** The certificate event a system receives: ids, status, dates, formats and the download link, nothing about the person. */
public final class CertificateEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CertificateEvent() {}

    /** {@code certificate.issued}, or {@code certificate.corrected} for a certificate that replaces another. */
    public static String type(Certificate certificate) {
        return certificate.previousCertificateId() == null ? "certificate.issued" : "certificate.corrected";
    }

    /** The event as JSON fields, {@code timestamp} in epoch seconds. */
    public static ObjectNode json(DeliveryRequest request, String deliveryId, long timestamp) {
        Certificate certificate = request.certificate();
        Facility facility = certificate.event().facility();
        ObjectNode event = JSON.createObjectNode()
                .put("type", type(certificate))
                .put("deliveryId", deliveryId)
                .put("eventId", certificate.eventId())
                .put("certificateId", certificate.id())
                .put("version", certificate.version())
                .put("previousCertificateId", certificate.previousCertificateId())
                .put("status", CertificateStatus.ISSUED.name().toLowerCase(Locale.ROOT))
                .put("issuedAt", certificate.issuedAt().toString())
                .put("programmeId", certificate.event().programmeId())
                .put("facilityId", facility == null ? null : facility.id())
                .put("downloadUrl", request.downloadUrl())
                .put("timestamp", timestamp);
        var formats = event.putArray("formats");
        new TreeSet<>(request.credentials().keySet()).forEach(formats::add);
        return event;
    }

    /** The event as UTF-8 JSON. */
    public static byte[] bytes(DeliveryRequest request, String deliveryId, long timestamp) {
        try {
            return JSON.writeValueAsBytes(json(request, deliveryId, timestamp));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the certificate event", e);
        }
    }
}

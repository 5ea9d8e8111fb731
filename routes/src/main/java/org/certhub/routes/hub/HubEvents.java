package org.certhub.routes.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.apache.camel.Body;
import org.apache.camel.ProducerTemplate;
import org.certhub.model.DeliveryState;
import org.certhub.model.EventState;
import org.certhub.model.VaccinationEvent;
import org.certhub.routes.signing.DownloadLinks;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.EventStateChanged;
import org.certhub.routes.store.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The hub's events for routes of the configuration folder: each is sent, as JSON, to a {@code direct:} endpoint
 * that a route may listen to; with no route listening nothing happens. A listening route runs in the stage that
 * raised the event, once per time the stage runs (at least once); its failure is logged and never fails the
 * stage, so a route that calls a slow or unreliable system hands the message over to a queue of its own.
 */
@Component
public class HubEvents {

    /** {@code certificateId}, {@code eventId}, {@code source}, {@code recordId}, {@code programmeId}, {@code downloadUrl}. */
    public static final String CERTIFICATE_ISSUED = "direct:certhub-certificate-issued";
    /** {@code eventId}, {@code state} ({@code held}), {@code reason}, {@code source}, {@code recordId}, {@code programmeId}. */
    public static final String EVENT_HELD = "direct:certhub-event-held";
    /** {@code eventId}, {@code state} ({@code failed}), {@code reason}, {@code source}, {@code recordId}, {@code programmeId}. */
    public static final String EVENT_FAILED = "direct:certhub-event-failed";
    /** {@code certificateId}, {@code channel}, {@code state} ({@code sent}) after each delivery. */
    public static final String DELIVERY_OUTCOME = "direct:certhub-delivery-outcome";

    private static final Logger LOG = LoggerFactory.getLogger(HubEvents.class);

    private final ProducerTemplate producer;
    private final EventStore events;
    private final CertificateStore certificates;
    private final DownloadLinks downloadLinks;
    private final ObjectMapper json;

    public HubEvents(
            ProducerTemplate producer,
            EventStore events,
            CertificateStore certificates,
            DownloadLinks downloadLinks,
            ObjectMapper json) {
        this.producer = producer;
        this.events = events;
        this.certificates = certificates;
        this.downloadLinks = downloadLinks;
        this.json = json;
    }

    /** For the distribute stage: the certificate it announces. */
    public void certificateIssued(@Body String certificateId) {
        if (!listened(CERTIFICATE_ISSUED)) {
            return;
        }
        certificates
                .find(certificateId)
                .ifPresent(issued -> publish(
                        CERTIFICATE_ISSUED,
                        source(issued.certificate().eventId())
                                .put("certificateId", certificateId)
                                .put("downloadUrl", downloadLinks.pdf(certificateId))));
    }

    @EventListener
    public void eventStateChanged(EventStateChanged change) {
        if (!listened(change.state() == EventState.HELD ? EVENT_HELD : EVENT_FAILED)) {
            return;
        }
        ObjectNode body = source(change.eventId())
                .put("state", change.state().name().toLowerCase(Locale.ROOT))
                .put("reason", change.reason());
        publish(change.state() == EventState.HELD ? EVENT_HELD : EVENT_FAILED, body);
    }

    /** A channel delivered a certificate. */
    public void delivered(String certificateId, String channel) {
        if (!listened(DELIVERY_OUTCOME)) {
            return;
        }
        publish(
                DELIVERY_OUTCOME,
                json.createObjectNode()
                        .put("certificateId", certificateId)
                        .put("channel", channel)
                        .put("state", DeliveryState.SENT.apiName()));
    }

    private ObjectNode source(String eventId) {
        ObjectNode body = json.createObjectNode().put("eventId", eventId);
        events.find(eventId).ifPresent(stored -> {
            VaccinationEvent event = stored.event();
            body.put("source", event.sourceSystem())
                    .put("recordId", event.sourceRecordId())
                    .put("programmeId", event.programmeId());
        });
        return body;
    }

    /**
     * Whether a route listens on the endpoint now. The body of an event is read from the database (the
     * certificate, the event), which is most of a distribute stage's work when no route listens: it is built only
     * for a listener.
     */
    private boolean listened(String endpoint) {
        String uri = producer.getCamelContext().getEndpoint(endpoint).getEndpointBaseUri();
        return producer.getCamelContext().getRoutes().stream()
                .anyMatch(route -> uri.equals(route.getEndpoint().getEndpointBaseUri()));
    }

    /** block=false: with no route listening the stage goes on at once instead of waiting for a consumer. */
    private static String uri(String endpoint) {
        return endpoint + "?block=false&failIfNoConsumers=false";
    }

    private void publish(String endpoint, ObjectNode body) {
        try {
            producer.sendBody(uri(endpoint), body.toString());
        } catch (RuntimeException e) {
            LOG.warn(
                    "the route listening on {} failed: {}",
                    endpoint,
                    e.getCause() == null ? e : e.getCause().toString());
        }
    }
}

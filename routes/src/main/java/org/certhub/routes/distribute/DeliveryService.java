package org.certhub.routes.distribute;

import java.util.Locale;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.model.DeliveryState;
import org.certhub.routes.hub.HubEvents;
import org.certhub.routes.metrics.HubMetrics;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.DeliveryStore;
import org.certhub.routes.store.EventStore;
import org.springframework.stereotype.Service;

/**
 * Delivers one certificate over one channel, once: a delivery already sent is not sent again. The call goes
 * through the channel's circuit breaker ({@link ChannelCircuitBreakers}).
 */
@Service
public class DeliveryService {

    /** The exchange property that names the channel of a delivery route. */
    public static final String CHANNEL = "certhubChannel";

    private final Channels channels;
    private final DeliveryRequests requests;
    private final DeliveryStore deliveries;
    private final CertificateStore certificates;
    private final EventStore events;
    private final ChannelCircuitBreakers breakers;
    private final HubEvents hubEvents;
    private final HubMetrics metrics;

    public DeliveryService(
            Channels channels,
            DeliveryRequests requests,
            DeliveryStore deliveries,
            CertificateStore certificates,
            EventStore events,
            ChannelCircuitBreakers breakers,
            HubEvents hubEvents,
            HubMetrics metrics) {
        this.metrics = metrics;
        this.hubEvents = hubEvents;
        this.breakers = breakers;
        this.channels = channels;
        this.requests = requests;
        this.deliveries = deliveries;
        this.certificates = certificates;
        this.events = events;
    }

    public void deliver(@Body String certificateId, @ExchangeProperty(CHANNEL) String channel) {
        String deliveryId = DeliveryStore.deliveryId(certificateId, channel);
        boolean alreadySent = deliveries
                .find(deliveryId)
                .map(d -> d.state() == DeliveryState.SENT)
                .orElse(false);
        if (!alreadySent) {
            CertificateDistributor distributor = channels.find(channel)
                    .orElseThrow(() -> new IllegalStateException("channel " + channel + " is not enabled"));
            DeliveryRequest request = requests.forChannel(certificateId, channel);
            DeliveryReceipt receipt = breakers.call(channel, () -> distributor.deliver(request));
            deliveries.markSent(deliveryId, receipt.externalReference());
            metrics.delivery(channel, "sent");
            hubEvents.delivered(certificateId, channel);
        }
        // also when already sent: the process may have stopped between recording the send and the event's state
        if (deliveries.allSent(certificateId)) {
            certificates
                    .find(certificateId)
                    .ifPresent(
                            issued -> events.markDelivered(issued.certificate().eventId()));
        }
    }

    /** One attempt failed; the error handler decides whether another follows. */
    public void attemptFailed(
            @Body String certificateId, @ExchangeProperty(CHANNEL) String channel, Exception cause, boolean exhausted) {
        DeliveryState outcome = exhausted ? DeliveryState.DEAD : DeliveryState.FAILED;
        deliveries.markFailed(
                DeliveryStore.deliveryId(certificateId, channel),
                outcome,
                cause == null ? null : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        metrics.delivery(channel, outcome.name().toLowerCase(Locale.ROOT));
    }
}

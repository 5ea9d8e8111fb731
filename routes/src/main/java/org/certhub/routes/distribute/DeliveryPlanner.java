package org.certhub.routes.distribute;

import java.util.List;
import org.apache.camel.Body;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.config.ProgrammeProperties;
import org.certhub.routes.store.DeliveryStore;
import org.springframework.stereotype.Component;

/**
 * Decides which channels reach a certificate's recipient (the channel has the contact it needs, and the
 * programme's {@code certhub.programmes.<id>.channels} lists it, or lists none), records a queued delivery for
 * each, and names the queues to send the certificate id to. A replayed announcement queues again only what is
 * neither sent nor dead.
 */
@Component
public class DeliveryPlanner {

    private final Channels channels;
    private final DeliveryRequests requests;
    private final DeliveryStore deliveries;
    private final CerthubProperties.Queues queues;
    private final ProgrammeProperties programmes;

    public DeliveryPlanner(
            Channels channels,
            DeliveryRequests requests,
            DeliveryStore deliveries,
            CerthubProperties properties,
            ProgrammeProperties programmes) {
        this.programmes = programmes;
        this.channels = channels;
        this.requests = requests;
        this.deliveries = deliveries;
        this.queues = properties.queues();
    }

    /** The delivery queues this certificate goes to now. */
    public List<String> queuesFor(@Body String certificateId) {
        return channels.all().stream()
                .filter(channel -> applies(channel, certificateId))
                .map(CertificateDistributor::channel)
                .filter(channel -> deliveries.queue(certificateId, channel))
                .map(queues::deliver)
                .toList();
    }

    private boolean applies(CertificateDistributor channel, String certificateId) {
        DeliveryRequest request = requests.forChannel(certificateId, channel.channel());
        return programmes.allowsChannel(request.certificate().event().programmeId(), channel.channel())
                && channel.appliesTo(request);
    }
}

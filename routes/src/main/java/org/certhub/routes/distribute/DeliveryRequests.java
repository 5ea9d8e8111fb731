package org.certhub.routes.distribute;

import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.signing.DownloadLinks;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.DeliveryStore;
import org.certhub.routes.store.IssuedCertificate;
import org.springframework.stereotype.Component;

/**
 * Builds what a channel needs to deliver a stored certificate, in the recipient's language, its download link
 * carrying a citizen link token.
 */
@Component
public class DeliveryRequests {

    private final CertificateStore certificates;
    private final CerthubProperties properties;
    private final DownloadLinks links;
    private final RecipientLanguages languages;

    public DeliveryRequests(
            CertificateStore certificates,
            CerthubProperties properties,
            DownloadLinks links,
            RecipientLanguages languages) {
        this.certificates = certificates;
        this.properties = properties;
        this.links = links;
        this.languages = languages;
    }

    public DeliveryRequest forChannel(String certificateId, String channel) {
        IssuedCertificate issued = certificates
                .find(certificateId)
                .orElseThrow(() -> new IllegalStateException("no stored certificate " + certificateId));
        return new DeliveryRequest(
                DeliveryStore.deliveryId(certificateId, channel),
                issued.certificate(),
                issued.credentials(),
                properties.primaryFormat(),
                links.pdf(certificateId, channel),
                languages.of(issued.certificate()));
    }
}

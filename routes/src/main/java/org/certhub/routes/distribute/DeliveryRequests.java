package org.certhub.routes.distribute;

import java.util.Locale;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.DeliveryStore;
import org.certhub.routes.store.IssuedCertificate;
import org.springframework.stereotype.Component;

/** Builds what a channel needs to deliver a stored certificate. */
@Component
public class DeliveryRequests {

    private final CertificateStore certificates;
    private final CerthubProperties properties;

    public DeliveryRequests(CertificateStore certificates, CerthubProperties properties) {
        this.certificates = certificates;
        this.properties = properties;
    }

    public DeliveryRequest forChannel(String certificateId, String channel) {
        IssuedCertificate issued = certificates.find(certificateId)
                .orElseThrow(() -> new IllegalStateException("no stored certificate " + certificateId));
        return new DeliveryRequest(
                DeliveryStore.deliveryId(certificateId, channel),
                issued.certificate(),
                issued.credentials(),
                properties.primaryFormat(),
                downloadUrl(certificateId),
                Locale.ENGLISH);
    }

    /** Where the citizen fetches the certificate's PDF from the hub. */
    public String downloadUrl(String certificateId) {
        return properties.baseUrl() + "/api/v1/certificates/" + certificateId + "/certificate.pdf";
    }
}

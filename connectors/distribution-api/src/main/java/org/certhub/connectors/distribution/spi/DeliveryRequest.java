package org.certhub.connectors.distribution.spi;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.certhub.model.Certificate;
import org.certhub.signer.SignedCredential;

/**
 * One certificate to deliver over one channel.
 *
 * @param deliveryId  stable per certificate and channel: receivers can de-duplicate on it
 * @param credentials the signed credentials by format id ({@code w3c-vc}, {@code eu-dcc}, {@code shc})
 * @param downloadUrl where the citizen can fetch the certificate from the hub
 */
public record DeliveryRequest(
        String deliveryId,
        Certificate certificate,
        Map<String, SignedCredential> credentials,
        String primaryFormat,
        String downloadUrl,
        Locale locale) {

    public DeliveryRequest {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(certificate, "certificate");
        credentials = Map.copyOf(credentials);
        locale = locale == null ? Locale.ENGLISH : locale;
    }

    /** The credential the document and QR code show. */
    public SignedCredential primaryCredential() {
        return Optional.ofNullable(credentials.get(primaryFormat))
                .orElseThrow(() -> new IllegalStateException("no credential of format " + primaryFormat));
    }
}

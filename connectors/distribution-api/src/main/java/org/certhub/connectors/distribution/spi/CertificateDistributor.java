package org.certhub.connectors.distribution.spi;

/**
 * A delivery channel (email, SMS, digital locker, webhook, print). Several run at once; the hub's route for
 * a channel calls {@link #deliver} with retries, a circuit breaker and a dead-letter queue around it, so an
 * implementation only speaks its system's protocol and says whether a failure is worth retrying.
 */
public interface CertificateDistributor {

    /** Stable channel name: the queue is {@code deliver.<channel>}, the switch {@code certhub.channels.<channel>.enabled}. */
    String channel();

    /** Whether this channel can reach the recipient (contact details and consent present). */
    boolean appliesTo(DeliveryRequest request);

    /**
     * Delivers once. Must be safe to call again for the same {@code request.deliveryId()} after a crash.
     *
     * @throws TransientDeliveryException when a retry may succeed (timeouts, 5xx, connection refused)
     * @throws PermanentDeliveryException when no retry can succeed (rejected address, 4xx that means "never")
     */
    DeliveryReceipt deliver(DeliveryRequest request);
}

package org.certhub.connectors.distribution.http;

/**
 * Remembers which deliveries (or parts of one, such as one webhook subscriber) a receiver has accepted, so
 * that a redelivery of the same {@code deliveryId} does not send again. The hub can back it with its
 * database; {@link InMemoryDeliveryLedger} serves a single node. Receivers still get the delivery id as an
 * idempotency key, which covers the window between a send and its {@link #markDone}.
 */
public interface DeliveryLedger {

    boolean isDone(String key);

    void markDone(String key);
}

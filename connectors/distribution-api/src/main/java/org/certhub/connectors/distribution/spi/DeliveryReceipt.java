package org.certhub.connectors.distribution.spi;

/** What the receiving system said: its own reference for the delivery, when it gives one. */
public record DeliveryReceipt(String externalReference) {}

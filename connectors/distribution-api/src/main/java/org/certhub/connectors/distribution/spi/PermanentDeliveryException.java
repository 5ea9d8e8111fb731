package org.certhub.connectors.distribution.spi;

/** A delivery failure no retry can fix: goes straight to the dead-letter queue. */
public class PermanentDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PermanentDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public PermanentDeliveryException(String message) {
        super(message);
    }
}

package org.certhub.connectors.distribution.spi;

/** A delivery failure that a later attempt may overcome: retried with back-off, then dead-lettered. */
public class TransientDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransientDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientDeliveryException(String message) {
        super(message);
    }
}

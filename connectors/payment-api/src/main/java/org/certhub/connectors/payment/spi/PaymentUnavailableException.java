package org.certhub.connectors.payment.spi;

/** The payer could not answer now (timeout, 5xx, connection refused): retried with back-off, then dead-lettered. */
public class PaymentUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public PaymentUnavailableException(String message) {
        super(message);
    }
}

package org.certhub.connectors.payment.spi;

/**
 * The payer refused the request in a way no retry can fix (a 4xx such as a malformed claim or bad credentials,
 * an answer the configured rules cannot read): the event goes straight to the dead-letter queue.
 */
public class PaymentRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentRejectedException(String message, Throwable cause) {
        super(message, cause);
    }

    public PaymentRejectedException(String message) {
        super(message);
    }
}

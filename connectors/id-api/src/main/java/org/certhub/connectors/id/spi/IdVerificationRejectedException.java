package org.certhub.connectors.id.spi;

/**
 * The ID system refused the request in a way no retry can fix (a 4xx such as a malformed request or bad
 * credentials, an answer the configured rules cannot read): the event goes straight to the dead-letter queue.
 */
public class IdVerificationRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdVerificationRejectedException(String message, Throwable cause) {
        super(message, cause);
    }

    public IdVerificationRejectedException(String message) {
        super(message);
    }
}

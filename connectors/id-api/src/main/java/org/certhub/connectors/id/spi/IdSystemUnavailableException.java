package org.certhub.connectors.id.spi;

/** The ID system could not answer now (timeout, 5xx, connection refused): retried with back-off, then dead-lettered. */
public class IdSystemUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdSystemUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public IdSystemUnavailableException(String message) {
        super(message);
    }
}

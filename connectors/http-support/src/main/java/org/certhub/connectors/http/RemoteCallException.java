package org.certhub.connectors.http;

/**
 * A call to the remote system failed. {@link #isTransient()} says whether a later attempt may succeed;
 * the adapter turns this into its SPI's transient or permanent exception.
 */
public final class RemoteCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;
    private final int status;

    RemoteCallException(String message, boolean transientFailure, int status, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.status = status;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }
}

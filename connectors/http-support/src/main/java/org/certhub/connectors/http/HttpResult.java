package org.certhub.connectors.http;

/** One answer of the remote system: its HTTP status and body text. */
public record HttpResult(int status, String body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Statuses after which a later attempt may succeed: 408, 425, 429 and every 5xx. */
    public boolean isTransientFailure() {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }
}

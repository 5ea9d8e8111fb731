package org.certhub.connectors.distribution.http;

import java.util.Objects;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.http.HttpCall;
import org.certhub.connectors.http.HttpResult;
import org.certhub.connectors.http.OutboundHttp;
import org.certhub.connectors.http.RemoteCallException;

/**
 * The HTTP side every HTTP channel shares: calls through the receiver's {@link OutboundHttp} (a Camel http
 * endpoint with time limits and no redirects), and the one classification of outcomes into success,
 * {@link TransientDeliveryException} (no answer, timeouts, 408, 425, 429, 5xx) and
 * {@link PermanentDeliveryException} (every other status). Exception messages name the channel and the status
 * only: never the answer's body, which may echo personal data.
 */
public final class DeliveryHttp {

    private final String channel;
    private final OutboundHttp http;

    public DeliveryHttp(String channel, OutboundHttp http) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Sends and returns the answer whatever its status; only a call without an answer is turned into
     * {@link TransientDeliveryException} here.
     */
    public HttpResult exchange(HttpCall call) {
        try {
            return http.send(call);
        } catch (RemoteCallException e) {
            throw new TransientDeliveryException(
                    channel + ": " + e.getMessage() + " at " + http.address().getHost(), e);
        }
    }

    /** Sends and returns the answer if its status is 2xx, else throws the classified exception. */
    public HttpResult send(HttpCall call) {
        HttpResult result = exchange(call);
        requireSuccess(result.status());
        return result;
    }

    /** Throws the classified exception unless {@code status} is 2xx. */
    public void requireSuccess(int status) {
        if (status < 200 || status > 299) {
            throw failure(status);
        }
    }

    /** The exception a non-2xx status stands for. */
    public RuntimeException failure(int status) {
        String message = channel + ": the receiver answered HTTP " + status;
        return isRetryable(status) ? new TransientDeliveryException(message) : new PermanentDeliveryException(message);
    }

    /** Whether a later attempt may get a different answer: 408, 425, 429 and 5xx. */
    public static boolean isRetryable(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    public String channel() {
        return channel;
    }
}

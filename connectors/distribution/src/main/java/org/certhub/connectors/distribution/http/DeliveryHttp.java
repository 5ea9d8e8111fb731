package org.certhub.connectors.distribution.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.http.TraceHeaders;

/**
 * The HTTP side every HTTP channel shares: one JDK client with time limits and no redirects, and the one
 * classification of outcomes into success, {@link TransientDeliveryException} (timeouts, connection errors,
 * 408, 425, 429, 5xx) and {@link PermanentDeliveryException} (every other status). Exception messages name
 * the channel and the status only: never the answer's body, which may echo personal data.
 */
public final class DeliveryHttp {

    private final String channel;
    private final HttpClient client;
    private final HttpTimeouts timeouts;

    public DeliveryHttp(String channel, HttpTimeouts timeouts) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.timeouts = timeouts == null ? HttpTimeouts.DEFAULT : timeouts;
        this.client = HttpClient.newBuilder()
                .connectTimeout(this.timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A request builder for {@code uri} with the request time limit and the current trace context set. */
    public HttpRequest.Builder request(URI uri) {
        return TraceHeaders.addTo(HttpRequest.newBuilder(uri).timeout(timeouts.request()));
    }

    /**
     * Sends and returns the answer whatever its status; only I/O failures are turned into
     * {@link TransientDeliveryException} here.
     */
    public HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientDeliveryException(
                    channel + ": " + e.getClass().getSimpleName() + " talking to "
                            + request.uri().getHost(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDeliveryException(channel + ": interrupted", e);
        }
    }

    /** Sends and returns the answer if its status is 2xx, else throws the classified exception. */
    public HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        requireSuccess(response.statusCode());
        return response;
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

package org.certhub.connectors.http;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.http.common.HttpCommonEndpoint;

/**
 * The one way connectors call outside systems over HTTP: through a Camel {@code http}/{@code https} endpoint
 * (camel-http), so every call is an endpoint in Camel's tooling, metrics and traces. The configured URL is the
 * endpoint URI: Camel's options in its query ({@code proxyHost}, {@code proxyPort}, {@code sslContextParameters},
 * ...) choose the transport, every other query parameter goes to the remote system. The hub adds its time
 * limits ({@code connectTimeout}, {@code responseTimeout}; a URL that sets them keeps its own), no redirects,
 * and {@code throwExceptionOnFailure=false}, so that every HTTP answer is returned with its status; the HTTP
 * client neither retries by itself (the connector's retry and circuit breaker do) nor keeps cookies.
 *
 * <p>Every request carries the current trace context ({@link TraceHeaders}). Authentication is one {@link HttpAuth}; with OAuth 2.0 client credentials a 401 answer drops the cached
 * token and the request is sent once more with a fresh one. A call that gets no answer (connection refused,
 * time limit) is a transient {@link RemoteCallException}.
 */
public final class OutboundHttp {

    private final String system;
    private final Endpoint endpoint;
    private final URI address;
    private final HttpAuth auth;
    private final OAuth2TokenSource tokens;
    private final ProducerTemplate producer;

    /**
     * @param system names the remote system in exception messages ("ID service")
     * @param url    the endpoint URI (absolute http or https)
     */
    public OutboundHttp(CamelContext camel, String system, URI url, HttpAuth auth, HttpTimeouts timeouts, Clock clock) {
        this.system = Objects.requireNonNull(system, "system");
        HttpSettings.requireHttpUrl(url, system + " URL");
        this.auth = auth == null ? new HttpAuth.None() : auth;
        this.producer = Objects.requireNonNull(camel, "camel").createProducerTemplate();
        this.endpoint = camel.getEndpoint(endpointUri(url, timeouts));
        if (endpoint instanceof HttpEndpoint http && http.getClientBuilder() != null) {
            // retries are the hub's, with its back-off and circuit breaker; answers are not remembered
            http.getClientBuilder().disableAutomaticRetries().disableCookieManagement();
        }
        this.address = endpoint instanceof HttpCommonEndpoint http ? http.getHttpUri() : url;
        this.tokens = this.auth instanceof HttpAuth.ClientCredentials credentials
                ? new OAuth2TokenSource(
                        new OutboundHttp(camel, "token endpoint", credentials.tokenUrl(), null, timeouts, clock),
                        credentials,
                        clock)
                : null;
    }

    /** From {@link HttpSettings}: URL, authentication and time limits. */
    public OutboundHttp(CamelContext camel, String system, HttpSettings settings, Clock clock) {
        this(camel, system, settings.url(), settings.auth(), settings.timeouts(), clock);
    }

    /**
     * The Camel endpoint URI for {@code url}: the URL with the hub's time limits, redirects off and every HTTP
     * status returned; options the URL sets itself are kept.
     */
    public static String endpointUri(URI url, HttpTimeouts timeouts) {
        HttpTimeouts limits = timeouts == null ? HttpTimeouts.DEFAULT : timeouts;
        String query = url.getRawQuery() == null ? "" : url.getRawQuery();
        StringBuilder uri = new StringBuilder(url.toString());
        Map<String, String> options = new LinkedHashMap<>();
        options.put("throwExceptionOnFailure", "false");
        options.put("followRedirects", "false");
        options.put("connectTimeout", Long.toString(limits.connect().toMillis()));
        options.put("connectionRequestTimeout", Long.toString(limits.connect().toMillis()));
        options.put("responseTimeout", Long.toString(limits.request().toMillis()));
        options.forEach((name, value) -> {
            if (!("&" + query).contains("&" + name + "=")) {
                uri.append(uri.indexOf("?") < 0 ? '?' : '&')
                        .append(name)
                        .append('=')
                        .append(value);
            }
        });
        return uri.toString();
    }

    /** The Camel endpoint the calls go through. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** The remote address: the URL without Camel's options. */
    public URI address() {
        return address;
    }

    /**
     * Sends one request and returns the answer whatever its status.
     *
     * @throws RemoteCallException when no answer came (transient), or when the OAuth 2.0 token cannot be had
     */
    public HttpResult send(HttpCall call) {
        String token = tokens == null ? null : tokens.token();
        HttpResult result = exchange(call, token);
        if (result.status() == 401 && tokens != null) {
            tokens.invalidate(token);
            result = exchange(call, tokens.token());
        }
        return result;
    }

    /**
     * Adds the authentication headers for {@code body}, and the current trace context, to a message a route sends
     * to {@link #endpoint()} itself (as the FHIR poll does).
     */
    public void authenticate(Message message, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        outgoingHeaders(headers, body, tokens == null ? null : tokens.token());
        headers.forEach(message::setHeader);
    }

    private HttpResult exchange(HttpCall call, String token) {
        byte[] body = call.body() == null ? new byte[0] : call.body();
        Exchange answer = producer.send(endpoint, exchange -> {
            Message in = exchange.getIn();
            in.setHeader(Exchange.HTTP_METHOD, call.method());
            String query = join(address.getRawQuery(), call.query());
            if (query != null) {
                in.setHeader(Exchange.HTTP_RAW_QUERY, query);
            }
            if (call.contentType() != null) {
                in.setHeader(Exchange.CONTENT_TYPE, call.contentType());
            }
            Map<String, String> headers = new LinkedHashMap<>(call.headers());
            outgoingHeaders(headers, body, token);
            headers.forEach(in::setHeader);
            in.setBody(call.body());
        });
        Exception failure = answer.getException();
        if (failure != null) {
            throw new RemoteCallException(
                    system + " unreachable: " + rootCause(failure).getClass().getSimpleName(), true, 0, failure);
        }
        Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            throw new RemoteCallException(system + " gave no HTTP status", true, 0, null);
        }
        return new HttpResult(status, answer.getMessage().getBody(String.class));
    }

    private void outgoingHeaders(Map<String, String> headers, byte[] body, String token) {
        TraceHeaders.addTo(headers);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        } else {
            auth.apply(headers, body);
        }
    }

    private static String join(String first, String second) {
        if (first == null || first.isEmpty()) {
            return second == null || second.isEmpty() ? null : second;
        }
        return second == null || second.isEmpty() ? first : first + "&" + second;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}

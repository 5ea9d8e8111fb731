package org.certhub.connectors.http;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.http.HttpRequest;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of the span current on this thread, added to an
 * outgoing request so that the outside system's work joins the record's trace. Without a current span (tracing off,
 * or work outside any traced exchange) nothing is added.
 */
public final class TraceHeaders {

    private static final TextMapSetter<HttpRequest.Builder> HEADER = HttpRequest.Builder::setHeader;

    private TraceHeaders() {}

    /** Adds the current trace context to {@code request} and returns it. */
    public static HttpRequest.Builder addTo(HttpRequest.Builder request) {
        W3CTraceContextPropagator.getInstance().inject(Context.current(), request, HEADER);
        return request;
    }
}

package org.certhub.connectors.http;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Map;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of the span current on this thread, added to the
 * headers of an outgoing request so that the outside system's work joins the record's trace. Without a current span
 * (tracing off, or work outside any traced exchange) nothing is added.
 */
public final class TraceHeaders {

    private static final TextMapSetter<Map<String, String>> HEADER = Map::put;

    private TraceHeaders() {}

    /** Adds the current trace context to {@code headers}. */
    public static void addTo(Map<String, String> headers) {
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, HEADER);
    }
}

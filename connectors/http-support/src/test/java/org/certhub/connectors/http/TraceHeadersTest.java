package org.certhub.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class TraceHeadersTest {

    private static final URI SOMEWHERE = URI.create("http://localhost:9/receiver");

    @Test
    void carriesTheCurrentSpansTraceContext() {
        Tracer tracer = SdkTracerProvider.builder().build().get("test");
        Span span = tracer.spanBuilder("deliver").startSpan();
        Scope scope = span.makeCurrent();
        HttpRequest request =
                TraceHeaders.addTo(HttpRequest.newBuilder(SOMEWHERE)).build();
        scope.close();
        span.end();

        String traceparent = request.headers().firstValue("traceparent").orElseThrow();
        assertThat(traceparent)
                .isEqualTo("00-" + span.getSpanContext().getTraceId() + "-"
                        + span.getSpanContext().getSpanId() + "-01");
    }

    @Test
    void addsNothingOutsideASpan() {
        HttpRequest request =
                TraceHeaders.addTo(HttpRequest.newBuilder(SOMEWHERE)).build();

        assertThat(request.headers().map()).doesNotContainKey("traceparent");
    }
}

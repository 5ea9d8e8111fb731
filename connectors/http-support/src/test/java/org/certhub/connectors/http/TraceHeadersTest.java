package org.certhub.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceHeadersTest {

    @Test
    void carriesTheCurrentSpansTraceContext() {
        Tracer tracer = SdkTracerProvider.builder().build().get("test");
        Span span = tracer.spanBuilder("deliver").startSpan();
        Map<String, String> headers = new HashMap<>();
        Scope scope = span.makeCurrent();
        TraceHeaders.addTo(headers);
        scope.close();
        span.end();

        assertThat(headers.get("traceparent"))
                .isEqualTo("00-" + span.getSpanContext().getTraceId() + "-"
                        + span.getSpanContext().getSpanId() + "-01");
    }

    @Test
    void addsNothingOutsideASpan() {
        Map<String, String> headers = new HashMap<>();
        TraceHeaders.addTo(headers);

        assertThat(headers).doesNotContainKey("traceparent");
    }
}

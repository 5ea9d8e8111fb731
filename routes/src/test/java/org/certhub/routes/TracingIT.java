package org.certhub.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One record's trace from intake to delivery: the hub's spans (kept by an in-memory exporter beside Boot's OTLP
 * one) and the W3C {@code traceparent} headers that outside systems (WireMock: the ID system the certify stage asks,
 * the webhook subscriber the distribute stage delivers to) receive share one trace id, across the broker's queues.
 */
// Spring Boot's tests run with tracing off (no-op propagators) unless asked for it
@AutoConfigureObservability(metrics = false)
@DirtiesContext
class TracingIT extends HubTestSupport {

    private static final WireMockServer SERVER = startServer();
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final AttributeKey<String> OP = AttributeKey.stringKey("op");
    private static final AttributeKey<String> URI = AttributeKey.stringKey("camel.uri");

    @TestConfiguration
    static class SpanCapture {
        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @DynamicPropertySource
    static void tracedOutsideSystems(DynamicPropertyRegistry registry) {
        OwnStorage.register(registry, "tracing");
        registry.add("management.tracing.opentelemetry.export.schedule-delay", () -> "PT0.1S");
        registry.add("certhub.channels.webhook.enabled", () -> "true");
        registry.add("certhub.channels.webhook.subscribers[0].id", () -> "registry");
        registry.add("certhub.channels.webhook.subscribers[0].url", () -> SERVER.baseUrl() + "/hook");
        registry.add("certhub.channels.webhook.subscribers[0].secret", () -> "webhook-secret-for-tests-0123456789");
        registry.add("certhub.channels.webhook.subscribers[0].programmes", () -> "*");
        registry.add("certhub.connectors.id.provider", () -> "rest");
        registry.add("certhub.connectors.id.rest.http.url", () -> SERVER.baseUrl() + "/id");
        registry.add(
                "certhub.connectors.id.rest.body-template",
                () -> "{\"number\":{{identifier.value}},\"family\":{{familyName}},\"ref\":{{eventId}}}");
        registry.add("certhub.connectors.id.rest.identifier-type", () -> "PASSPORT");
        registry.add("certhub.connectors.id.rest.verdict-path", () -> "$.status");
    }

    @Autowired
    InMemorySpanExporter spans;

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @Test
    void oneRecordIsOneTraceFromIntakeToDelivery() {
        String recordId = "IMM-TRACE-" + UUID.randomUUID();
        HttpResponse<String> accepted = post(
                "/fhir/r4",
                "application/fhir+json",
                example("immunization-bundle.json").replace("IMM-2021-000147", recordId),
                API_KEY);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        LoggedRequest delivery = await().atMost(WAIT).until(() -> only("/hook"), request -> request != null);
        String traceId = traceIdOf(delivery);
        LoggedRequest identityCheck = only("/id");
        assertThat(traceIdOf(identityCheck)).isEqualTo(traceId);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(spans.getFinishedSpanItems().stream()
                                .filter(span -> span.getTraceId().equals(traceId))
                                .filter(span -> "EVENT_RECEIVED"
                                        .equals(span.getAttributes().get(OP)))
                                .map(span -> span.getAttributes().get(URI)))
                        .as("the routes the record's exchanges entered, in its trace")
                        .anySatisfy(uri -> assertThat(uri).startsWith("rest://post:/fhir/r4"))
                        .contains("jms://queue:certhub.certify")
                        .contains("jms://queue:certhub.certificate.issued")
                        .contains("jms://queue:certhub.deliver.webhook"));
    }

    private static LoggedRequest only(String path) {
        List<LoggedRequest> requests = SERVER.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSizeLessThanOrEqualTo(1);
        return requests.isEmpty() ? null : requests.get(0);
    }

    /** The trace id of a W3C {@code traceparent} header: {@code 00-<trace id>-<parent span id>-<flags>}. */
    private static String traceIdOf(LoggedRequest request) {
        String traceparent = request.getHeader("traceparent");
        assertThat(traceparent).as("traceparent of " + request.getUrl()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.split("-")[1];
    }

    private static WireMockServer startServer() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(WireMock.post(urlPathEqualTo("/hook")).willReturn(okJson("{\"status\":\"ok\"}")));
        server.stubFor(WireMock.post(urlPathEqualTo("/id")).willReturn(okJson("{\"status\":\"verified\"}")));
        return server;
    }
}

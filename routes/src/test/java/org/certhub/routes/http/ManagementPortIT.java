package org.certhub.routes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.certhub.routes.HubTestSupport;
import org.certhub.routes.OwnStorage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code CERTHUB_MANAGEMENT_PORT}, metrics are served on that port only, and Kubernetes still finds the
 * health probes on the application port.
 */
// a property of the environment from the start, as CERTHUB_MANAGEMENT_PORT is (dynamic properties come too late for it)
// tests turn metrics export off unless asked
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ManagementPortIT extends HubTestSupport {

    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void ownStorage(DynamicPropertyRegistry registry) {
        OwnStorage.register(registry, "management-port");
    }

    @Test
    void metricsAreOnTheManagementPortOnly() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> metrics = scrape();

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(send("GET", "/actuator/prometheus", null, "X-API-Key", ADMIN_KEY)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theDomainMetricsCountWhatTheHubDidUnderTheirStableNames() throws Exception {
        HttpResponse<String> accepted =
                post("/fhir/r4", "application/fhir+json", example("immunization-bundle.json"), API_KEY);
        String eventId = json(accepted).get("id").asText();
        String certificateId = awaitCertified(eventId);
        String qr = json(get("/api/v1/certificates/" + certificateId))
                .path("credentials")
                .path("w3c-vc")
                .path("qr")
                .asText();
        assertThat(json(post("/api/v1/verify", "text/plain", qr, null))
                        .path("valid")
                        .asBoolean())
                .isTrue();
        assertThat(post("/api/v1/verify", "text/plain", "HC1:NOT-A-CERTIFICATE", null)
                        .statusCode())
                .isEqualTo(200);

        // the first mail renders the first PDF: slow on a busy machine; the deliver stage is timed once its route ends
        String metrics = await().atMost(Duration.ofSeconds(120))
                .until(
                        () -> scrape().body(),
                        body -> body.contains("certhub_stage_duration_seconds_count{stage=\"deliver\"}"));

        assertThat(value(metrics, "certhub_events_received_total{source=\"fhir\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "certhub_certificates_issued_total{format=\"w3c-vc\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "certhub_deliveries_total{channel=\"email\",outcome=\"sent\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "certhub_verifications_total{format=\"w3c-vc\",valid=\"true\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "certhub_verifications_total{format=\"eu-dcc\",valid=\"false\"}"))
                .isGreaterThanOrEqualTo(1);
        for (String stage : List.of("ingest", "certify", "distribute", "deliver")) {
            assertThat(value(metrics, "certhub_stage_duration_seconds_count{stage=\"" + stage + "\"}"))
                    .as(stage)
                    .isGreaterThanOrEqualTo(1);
            assertThat(metrics).contains("certhub_stage_duration_seconds_bucket{stage=\"" + stage + "\",le=");
        }
    }

    /** The scraper's request: metrics are for admins (the access table). */
    private HttpResponse<String> scrape() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
                                .header("X-API-Key", ADMIN_KEY)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one sample line ({@code name{labels} value}); fails when the line is missing. */
    private static double value(String metrics, String sample) {
        return metrics.lines()
                .filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + sample + " in:\n" + metrics));
    }

    @Test
    void theHealthProbesStayOnTheApplicationPort() {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> answer = get(probe);
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(json(answer).path("status").asText()).as(probe).isEqualTo("UP");
        }
    }
}

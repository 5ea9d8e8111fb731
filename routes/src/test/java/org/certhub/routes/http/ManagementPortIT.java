package org.certhub.routes.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        HttpResponse<String> metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(404);
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

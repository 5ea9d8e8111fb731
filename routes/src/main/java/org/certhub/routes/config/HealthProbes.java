package org.certhub.routes.config;

import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * With the actuator on a management port of its own, the health probes Kubernetes calls stay on the application
 * port: {@code /actuator/health}, {@code /actuator/health/liveness} and {@code /actuator/health/readiness}, with the
 * actuator's status codes ({@code 503} when down) and only the status, never the components' details.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
public class HealthProbes {

    private final HealthEndpoint health;
    private final HttpCodeStatusMapper statusCodes;

    public HealthProbes(HealthEndpoint health, HttpCodeStatusMapper statusCodes) {
        this.health = health;
        this.statusCodes = statusCodes;
    }

    @GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> overall() {
        return answer(health.health());
    }

    @GetMapping(path = "/actuator/health/liveness", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> liveness() {
        return answer(health.healthForPath("liveness"));
    }

    @GetMapping(path = "/actuator/health/readiness", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> readiness() {
        return answer(health.healthForPath("readiness"));
    }

    private ResponseEntity<Map<String, String>> answer(HealthComponent component) {
        if (component == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.status(statusCodes.getStatusCode(component.getStatus()))
                .body(Map.of("status", component.getStatus().getCode()));
    }
}

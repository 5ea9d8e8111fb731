package org.certhub.routes.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Which actuator endpoints the public port serves. With a management port of its own ({@code CERTHUB_MANAGEMENT_PORT}),
 * the endpoints (metrics, info, health) are served there, and {@link HealthProbes} answers the probes on the
 * application port too, for Kubernetes; without one, the application port serves the health endpoint only, never the
 * metrics.
 */
public class ManagementEndpoints implements EnvironmentPostProcessor {

    static final String SOURCE = "certhubManagementEndpoints";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (ManagementPortType.get(environment) != ManagementPortType.DIFFERENT) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            SOURCE, Map.of("management.endpoints.web.exposure.include", "health")));
        }
    }
}

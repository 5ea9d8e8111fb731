package org.certhub.routes.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where spans are exported: the OTLP endpoint of {@code CERTHUB_OTLP_ENDPOINT}, OpenTelemetry's
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} or its {@code OTEL_EXPORTER_OTLP_ENDPOINT} (a collector's base URL, to
 * which {@code /v1/traces} is added) becomes Spring Boot's {@code management.otlp.tracing.endpoint}, which switches
 * the OTLP exporter on. With none of them (and no {@code management.otlp.tracing.endpoint}) nothing is exported.
 */
public class TraceExport implements EnvironmentPostProcessor {

    static final String SOURCE = "certhubTraceExport";
    static final String BOOT_ENDPOINT = "management.otlp.tracing.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(BOOT_ENDPOINT)) {
            return;
        }
        String endpoint = tracesEndpoint(
                environment.getProperty("certhub.tracing.otlp-endpoint"),
                environment.getProperty("certhub.tracing.otlp-base-endpoint"));
        if (endpoint != null) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(BOOT_ENDPOINT, endpoint)));
        }
    }

    /** The traces endpoint, or null when neither a traces endpoint nor a collector's base URL is configured. */
    static String tracesEndpoint(String tracesEndpoint, String baseEndpoint) {
        if (tracesEndpoint != null && !tracesEndpoint.isBlank()) {
            return tracesEndpoint.strip();
        }
        if (baseEndpoint != null && !baseEndpoint.isBlank()) {
            String base = baseEndpoint.strip();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
        }
        return null;
    }
}

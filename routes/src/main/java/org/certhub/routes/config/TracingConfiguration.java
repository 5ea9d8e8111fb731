package org.certhub.routes.config;

import org.apache.camel.CamelContext;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's exchanges traced with the OpenTelemetry SDK that Spring Boot configures for Micrometer Tracing: a span
 * for each route an exchange enters and each endpoint it is sent to, child of the span current when it starts (the
 * HTTP request's, at intake), and the W3C trace context carried in the headers of the messages sent to the queues
 * (JMS or Kafka) and read back by the next stage, so that a record's intake, certification and deliveries form one
 * trace. The tracer and the propagators are Boot's beans, found in Camel's registry; the spans' ids are in the log
 * lines (Boot's log correlation). Where spans are exported is {@link TraceExport}'s concern.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    @Bean(initMethod = "", destroyMethod = "")
    OpenTelemetryTracer camelTracer(CamelContext camel) {
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        tracer.init(camel);
        return tracer;
    }
}

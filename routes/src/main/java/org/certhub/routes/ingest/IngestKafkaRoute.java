package org.certhub.routes.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.http.HttpProblems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * ingest from Kafka: FHIR JSON records on a topic, validated and stored like REST submissions. A record that
 * cannot be taken goes to the topic's dead-letter topic with its OperationOutcome in the
 * {@value #OUTCOME_HEADER} header, so that the producer's team sees why.
 */
@Component
@ConditionalOnRole(Role.INGEST)
@ConditionalOnProperty(name = "certhub.ingest.kafka.enabled", havingValue = "true")
public class IngestKafkaRoute extends RouteBuilder {

    static final String OUTCOME_HEADER = "certhub-operation-outcome";

    private final HttpProblems problems;

    public IngestKafkaRoute(HttpProblems problems) {
        this.problems = problems;
    }

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        onException(FhirInputException.class).handled(true)
                .process(this::attachOutcome)
                .to("kafka:{{certhub.ingest.kafka.topic}}{{certhub.queues.dead-letter-suffix}}").id("reject-record");

        from("kafka:{{certhub.ingest.kafka.topic}}?groupId={{certhub.ingest.kafka.group-id}}&{{certhub.kafka.consumer-options}}").routeId("ingest-kafka").routeConfigurationId("ingest-kafka-errors")
                .convertBodyTo(String.class, "UTF-8")
                .bean(FhirIngestService.class, "ingestRecord(${body}, 'kafka:{{certhub.ingest.kafka.topic}}')").id("ingest-kafka-store")
                .split(simple("${body.toCertify()}"))
                    .to("direct:queue-for-certification").id("ingest-kafka-queue");
        // spotless:on
    }

    private void attachOutcome(Exchange exchange) {
        FhirInputException problem = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, FhirInputException.class);
        exchange.getMessage()
                .setHeader(
                        OUTCOME_HEADER, problems.outcomeJson(problem.problems()).toString());
    }
}

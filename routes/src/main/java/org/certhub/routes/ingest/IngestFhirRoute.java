package org.certhub.routes.ingest;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.springframework.stereotype.Component;

/**
 * ingest: FHIR R4 over REST. A submission is validated and mapped, its events stored, and only then queued for
 * certification and acknowledged ({@code 202} with the event ids).
 */
@Component
@ConditionalOnRole(Role.INGEST)
public class IngestFhirRoute extends RouteBuilder {

    @Override
    public void configure() {
        rest("/fhir/r4")
                .post().to("direct:ingest-fhir")
                .post("/Immunization").to("direct:ingest-fhir-immunization")
                .get("/metadata").to("direct:describe-fhir-capabilities");

        ingest("ingest-fhir", "ingestBundle");
        ingest("ingest-fhir-immunization", "ingestImmunization");

        from("direct:describe-fhir-capabilities").routeId("describe-fhir-capabilities").routeConfigurationId("http-errors")
                .bean(FhirCapabilities.class, "describe")
                .process(HttpAnswer::respond);
    }

    private void ingest(String routeId, String method) {
        from("direct:" + routeId).routeId(routeId).routeConfigurationId("http-errors")
                .convertBodyTo(String.class, "UTF-8")
                .bean(FhirIngestService.class, method).id(routeId + "-store")
                .split(simple("${body.toCertify()}"))
                    .to("direct:queue-for-certification").id(routeId + "-queue")
                .end()
                .setBody(simple("${body.answer()}"))
                .process(HttpAnswer::respond);
    }
}

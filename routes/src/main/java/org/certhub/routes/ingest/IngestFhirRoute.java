package org.certhub.routes.ingest;

import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.http.HttpRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * ingest: FHIR R4 over REST. A submission is validated and mapped, its events stored, and only then queued for
 * certification and acknowledged ({@code 202} with the event ids).
 */
@Component
@ConditionalOnRole(Role.INGEST)
public class IngestFhirRoute extends HttpRouteBuilder {

    @Override
    public void configure() {
        rest("/fhir/r4")
                .post().to("direct:ingest-fhir")
                .post("/Immunization").to("direct:ingest-fhir-immunization")
                .get("/metadata").to("direct:describe-fhir-capabilities");

        storeAndQueue("ingest-fhir", FhirIngestService.class, "ingestBundle");
        storeAndQueue("ingest-fhir-immunization", FhirIngestService.class, "ingestImmunization");

        answer("describe-fhir-capabilities", FhirCapabilities.class, "describe");
    }
}

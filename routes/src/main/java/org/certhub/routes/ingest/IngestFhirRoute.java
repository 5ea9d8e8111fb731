package org.certhub.routes.ingest;

import org.apache.camel.model.rest.RestParamType;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.http.HttpRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * ingest: FHIR R4 over REST. A submission is validated and mapped, its events stored, and only then queued for
 * certification and acknowledged ({@code 202} with the event ids).
 */
@Component
@ConditionalOnRole(Role.INGEST)
public class IngestFhirRoute extends HttpRouteBuilder {

    private static final String RECEIPT = """
            {"id":"…","eventIds":["…"],"entries":[{"entry":"…","status":202,"eventId":"…",\
            "location":"api/v1/events/…","outcome":"created"}]}""";

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        rest("/fhir/r4").description("FHIR R4 intake")
                .post().description("a Bundle (transaction, batch, collection, document, message) or an Immunization")
                    .param().name("body").type(RestParamType.body).description(
                        "a FHIR R4 Bundle or Immunization, JSON or XML (application/fhir+json, application/fhir+xml)")
                    .endParam()
                    .responseMessage(reply(202, "stored and queued: " + RECEIPT))
                    .responseMessage(reply(200, "a transaction- or batch-response Bundle (when FHIR is accepted)"))
                    .responseMessage(reply(400, "not FHIR (an OperationOutcome)"))
                    .responseMessage(reply(422, "FHIR that cannot be certified (an OperationOutcome)"))
                    .to("direct:ingest-fhir")
                .post("/Immunization").description("one Immunization, its Patient contained")
                    .param().name("body").type(RestParamType.body).description("a FHIR R4 Immunization, JSON or XML")
                    .endParam()
                    .responseMessage(reply(202, "stored and queued: " + RECEIPT))
                    .responseMessage(reply(400, "not FHIR (an OperationOutcome)"))
                    .responseMessage(reply(422, "FHIR that cannot be certified (an OperationOutcome)"))
                    .to("direct:ingest-fhir-immunization")
                .get("/metadata").description("the CapabilityStatement")
                    .responseMessage(reply(200, "a CapabilityStatement"))
                    .to("direct:describe-fhir-capabilities");

        storeAndQueue("ingest-fhir", FhirIngestService.class, "ingestBundle");
        storeAndQueue("ingest-fhir-immunization", FhirIngestService.class, "ingestImmunization");

        answer("describe-fhir-capabilities", FhirCapabilities.class, "describe");
        // spotless:on
    }
}

package org.certhub.routes.ingest;

import org.apache.camel.ExchangePattern;
import org.apache.camel.model.rest.RestParamType;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * ingest: FHIR bulk ndjson import. The upload is spooled and acknowledged ({@code 202}, status URL in
 * {@code Content-Location}); one import at a time streams through it in the background ({@code run-fhir-import});
 * imports that a stop interrupted run again at start-up.
 */
@Component
@ConditionalOnRole(Role.INGEST)
public class BulkImportRoute extends HttpRouteBuilder {

    private static final String ANSWER = "certhubImportAnswer";

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        rest("/fhir/r4").description("FHIR bulk intake")
                .post("/$import").description("FHIR ndjson, spooled and imported in the background")
                    .param().name("body").type(RestParamType.body)
                        .description("Immunizations and Patients, one FHIR JSON resource per line").endParam()
                    .responseMessage(reply(202, """
                        spooled; the status URL in Content-Location: \
                        {"jobId":"…","status":"/fhir/r4/$import-status/…"}"""))
                    .to("direct:import-fhir-bulk")
                .get("/$import-status/{jobId}").description("the progress of one import")
                    .param().name("jobId").type(RestParamType.path).description("the import job id").endParam()
                    .responseMessage(reply(200, """
                        finished (202 while it runs): \
                        {"jobId":"…","state":"running|finished|failed","linesRead":0,"accepted":0,"retracted":0,\
                        "ignored":0,"rejected":0,"errors":[]}"""))
                    .responseMessage(reply(404, "no such import"))
                    .to("direct:describe-import-job");

        from("direct:import-fhir-bulk").routeId("import-fhir-bulk").routeConfigurationId("http-errors")
                .bean(BulkImportService.class, "accept").id("spool-import")
                .setProperty(ANSWER, simple("${body.answer()}"))
                .setBody(simple("${body.jobId()}"))
                .removeHeaders("*")
                .to(ExchangePattern.InOnly, "seda:run-fhir-import").id("queue-import")
                .setBody(exchangeProperty(ANSWER))
                .process(HttpAnswer::respond);

        from("seda:run-fhir-import").routeId("run-fhir-import")
                .bean(BulkImportService.class, "run");

        from("timer:resume-fhir-imports?repeatCount=1").routeId("resume-fhir-imports")
                .bean(BulkImportService.class, "resumable")
                .split(body())
                    .to(ExchangePattern.InOnly, "seda:run-fhir-import");

        answer("describe-import-job", BulkImportService.class, "status");
        // spotless:on
    }
}

package org.certhub.routes.ingest;

import org.apache.camel.ExchangePattern;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.config.ConditionalOnRole;
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
        rest("/fhir/r4")
                .post("/$import").to("direct:import-fhir-bulk")
                .get("/$import-status/{jobId}").to("direct:describe-import-job");

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
    }
}

package org.certhub.routes.hub;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.divoc.DivocBulkCertify;
import org.certhub.routes.divoc.DivocService;
import org.certhub.routes.ingest.FhirIngestService;
import org.springframework.stereotype.Component;

/**
 * The hub's intake for routes of the configuration folder ({@code routes/*.camel.yaml}): a FHIR record (Bundle or
 * Immunization, JSON or XML) or a DIVOC certify request (the JSON array of {@code POST /divoc/api/v1/certify}) sent
 * to one of these endpoints is validated, stored and queued for certification as over HTTP. The answer is the
 * JSON the HTTP API gives ({@code eventIds}, ...); input that does not validate throws, with the problems, to the
 * calling route. A DIVOC bulk CSV is certified row by row, answered with its result CSV. The {@value #SOURCE} header names the sending system (default {@code route}).
 */
@Component
@ConditionalOnRole(Role.INGEST)
public class HubEndpointsRoute extends RouteBuilder {

    public static final String INGEST_FHIR = "direct:certhub-ingest-fhir";
    public static final String INGEST_DIVOC = "direct:certhub-ingest-divoc";
    /** A DIVOC bulk CSV in, its result CSV out ({@link DivocBulkCertify}); header {@value #ERROR_ROWS} counts the rejected rows. */
    public static final String INGEST_DIVOC_CSV = "direct:certhub-ingest-divoc-csv";

    public static final String ERROR_ROWS = "CerthubErrorRows";
    /** The header that names the sending system; records are told apart by source system and record id. */
    public static final String SOURCE = "CerthubSource";

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        ingest(INGEST_FHIR, "ingest-fhir-from-route", FhirIngestService.class, "ingestRecord(${body}, ${header.CerthubSource})");
        ingest(INGEST_DIVOC, "ingest-divoc-from-route", DivocService.class, "certify(${body}, ${header.CerthubSource})");

        from(INGEST_DIVOC_CSV).routeId("ingest-divoc-csv-from-route")
                .convertBodyTo(String.class, "UTF-8")
                .filter(header(SOURCE).isNull()).setHeader(SOURCE, constant("route")).end()
                .bean(DivocBulkCertify.class, "certify(${body}, ${header.CerthubSource})").id("ingest-divoc-csv-rows")
                .setHeader(ERROR_ROWS, simple("${body.errorRows()}"))
                .setBody(simple("${body.csv()}"));
        // spotless:on
    }

    private void ingest(String uri, String routeId, Class<?> service, String method) {
        from(uri)
                .routeId(routeId)
                .convertBodyTo(String.class, "UTF-8")
                .filter(header(SOURCE).isNull())
                .setHeader(SOURCE, constant("route"))
                .end()
                .bean(service, method)
                .id(routeId + "-store")
                .split(simple("${body.toCertify()}"))
                .to("direct:queue-for-certification")
                .id(routeId + "-queue")
                .end()
                .setBody(simple("${body.answer().body()}"));
    }
}

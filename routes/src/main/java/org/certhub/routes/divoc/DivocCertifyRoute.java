package org.certhub.routes.divoc;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.http.HttpAnswer;
import org.springframework.stereotype.Component;

/**
 * ingest: DIVOC's certify API ({@code /divoc/api}), so that a DIVOC client switches to certhub unchanged.
 * Requests are stored as events and acknowledged; certification follows from the certify queue.
 */
@Component
@ConditionalOnRole(Role.INGEST)
public class DivocCertifyRoute extends RouteBuilder {

    @Override
    public void configure() {
        rest("/divoc/api")
                .post("/v1/certify").to("direct:divoc-certify")
                .post("/v3/certify").to("direct:divoc-certify-v3")
                .put("/v1/certificate").to("direct:divoc-correct-certificate")
                .delete("/v1/certificates/{preEnrollmentCode}").to("direct:divoc-revoke-certificates")
                .post("/v1/certificate/revoked").to("direct:divoc-check-revoked");

        store("divoc-certify", "certify");
        store("divoc-certify-v3", "certify");
        store("divoc-correct-certificate", "correct");
        answer("divoc-revoke-certificates", "revoke");
        answer("divoc-check-revoked", "revokedCheck");
    }

    /** Stores the requests' events, queues what needs certifying, then answers. */
    private void store(String routeId, String method) {
        from("direct:" + routeId).routeId(routeId).routeConfigurationId("http-errors")
                .convertBodyTo(String.class, "UTF-8")
                .bean(DivocService.class, method).id(routeId + "-store")
                .split(simple("${body.toCertify()}"))
                    .to("direct:queue-for-certification").id(routeId + "-queue")
                .end()
                .setBody(simple("${body.answer()}"))
                .process(HttpAnswer::respond);
    }

    private void answer(String routeId, String method) {
        from("direct:" + routeId).routeId(routeId).routeConfigurationId("http-errors")
                .convertBodyTo(String.class, "UTF-8")
                .bean(DivocService.class, method)
                .process(HttpAnswer::respond);
    }
}

package org.certhub.routes.divoc;

import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.http.HttpRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * ingest: DIVOC's certify API ({@code /divoc/api}), so that a DIVOC client switches to certhub unchanged.
 * Requests are stored as events and acknowledged; certification follows from the certify queue. A bulk CSV
 * ({@code /v1/bulkCertify}) is certified row by row, its upload listed with its rejected rows.
 */
@Component
@ConditionalOnRole(Role.INGEST)
public class DivocCertifyRoute extends HttpRouteBuilder {

    @Override
    public void configure() {
        rest("/divoc/api")
                .post("/v1/certify").to("direct:divoc-certify")
                .post("/v3/certify").to("direct:divoc-certify-v3")
                .put("/v1/certificate").to("direct:divoc-correct-certificate")
                .delete("/v1/certificates/{preEnrollmentCode}").to("direct:divoc-revoke-certificates")
                .post("/v1/certificate/revoked").to("direct:divoc-check-revoked")
                .post("/v1/bulkCertify").to("direct:divoc-bulk-certify")
                .get("/v1/certify/uploads").to("direct:divoc-list-uploads")
                .get("/v1/certify/uploads/{id}/errors").to("direct:divoc-upload-errors");

        storeAndQueue("divoc-certify", DivocService.class, "certify");
        storeAndQueue("divoc-certify-v3", DivocService.class, "certify");
        storeAndQueue("divoc-correct-certificate", DivocService.class, "correct");
        answer("divoc-revoke-certificates", DivocService.class, "revoke");
        answer("divoc-check-revoked", DivocService.class, "revokedCheck");
        answer("divoc-bulk-certify", DivocBulkUploads.class, "bulkCertify");
        answer("divoc-list-uploads", DivocBulkUploads.class, "list");
        answer("divoc-upload-errors", DivocBulkUploads.class, "errors");
    }
}

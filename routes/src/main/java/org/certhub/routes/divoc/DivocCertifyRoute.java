package org.certhub.routes.divoc;

import org.apache.camel.model.rest.ParamDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
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
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        rest("/divoc/api").description("DIVOC's certify API")
                .post("/v1/certify").description("DIVOC certify requests (a JSON array), stored and queued")
                    .param(certifyRequests())
                    .responseMessage(reply(200, "accepted")).to("direct:divoc-certify")
                .post("/v3/certify").description("DIVOC v3 certify requests (a JSON array), stored and queued")
                    .param(certifyRequests())
                    .responseMessage(reply(200, "accepted")).to("direct:divoc-certify-v3")
                .put("/v1/certificate").description("corrects certificates (DIVOC certify requests)")
                    .param(certifyRequests())
                    .responseMessage(reply(200, "accepted")).to("direct:divoc-correct-certificate")
                .delete("/v1/certificates/{preEnrollmentCode}").description("revokes a recipient's certificates")
                    .param().name("preEnrollmentCode").type(RestParamType.path).description("DIVOC's recipient key")
                    .endParam()
                    .responseMessage(reply(200, """
                        the revoked certificates: {"revoked":["…"]}"""))
                    .to("direct:divoc-revoke-certificates")
                .post("/v1/certificate/revoked").description("whether a certificate is revoked")
                    .param().name("body").type(RestParamType.body).description("a DIVOC certificate (JSON)")
                    .endParam()
                    .responseMessage(reply(200, """
                        its status: {"certificateId":"…","status":"issued|revoked"}"""))
                    .to("direct:divoc-check-revoked")
                .post("/v1/bulkCertify").description("a DIVOC bulk CSV (multipart field file), certified row by row")
                    .responseMessage(reply(200, """
                        the upload: {"id":"…","fileName":"…","status":"success|partial|failed","totalRecords":10,\
                        "errorRecords":0,"createdAt":"…"}"""))
                    .to("direct:divoc-bulk-certify")
                .get("/v1/certify/uploads").description("the sender's last 100 bulk uploads, newest first")
                    .responseMessage(reply(200, "the uploads: [{\"id\":\"…\",\"status\":\"…\"}]"))
                    .to("direct:divoc-list-uploads")
                .get("/v1/certify/uploads/{id}/errors").description("the rows of one upload that failed")
                    .param().name("id").type(RestParamType.path).description("the upload id").endParam()
                    .responseMessage(reply(200, """
                        {"id":"…","errors":[{"row":1,"error":"…"}]}"""))
                    .responseMessage(reply(404, "another sender's or an unknown upload"))
                    .to("direct:divoc-upload-errors");

        storeAndQueue("divoc-certify", DivocService.class, "certify");
        storeAndQueue("divoc-certify-v3", DivocService.class, "certify");
        storeAndQueue("divoc-correct-certificate", DivocService.class, "correct");
        answer("divoc-revoke-certificates", DivocService.class, "revoke");
        answer("divoc-check-revoked", DivocService.class, "revokedCheck");
        answer("divoc-bulk-certify", DivocBulkUploads.class, "bulkCertify");
        answer("divoc-list-uploads", DivocBulkUploads.class, "list");
        answer("divoc-upload-errors", DivocBulkUploads.class, "errors");
        // spotless:on
    }

    private static ParamDefinition certifyRequests() {
        return new ParamDefinition()
                .name("body")
                .type(RestParamType.body)
                .description("DIVOC certify requests: [{\"preEnrollmentCode\",\"recipient\",\"vaccination\","
                        + "\"vaccinator\",\"facility\"}]");
    }
}

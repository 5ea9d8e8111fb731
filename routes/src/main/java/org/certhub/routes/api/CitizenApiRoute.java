package org.certhub.routes.api;

import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.http.HttpRouteBuilder;
import org.springframework.stereotype.Component;

/** citizen API: event state, certificates and their documents, verification, and the public keys. */
@Component
@ConditionalOnRole(Role.API)
public class CitizenApiRoute extends HttpRouteBuilder {

    @Override
    public void configure() {
        rest("/api/v1")
                .get("/events/{id}").to("direct:read-event")
                .get("/certificates/{id}").to("direct:read-certificate")
                .get("/certificates/{id}/qr.png").to("direct:render-qr-code")
                .get("/certificates/{id}/certificate.pdf").to("direct:render-certificate-pdf")
                .get("/certificates/{id}/deliveries").to("direct:read-deliveries")
                .get("/certificates/{id}/shc.smart-health-card").to("direct:read-smart-health-card")
                .get("/certificates/{id}/ddcc").to("direct:read-ddcc-document")
                .get("/certificates/{id}/{format}").to("direct:read-credential")
                .post("/verify").to("direct:verify-credential");
        rest("/.well-known")
                .get("/jwks.json").to("direct:publish-jwks")
                .get("/did.json").to("direct:publish-did-document")
                .get("/dsc.json").to("direct:publish-document-signers")
                .get("/crl/{file}").to("direct:publish-shc-revocation-list");

        answer("read-event", CertificateApi.class, "event");
        answer("read-certificate", CertificateApi.class, "certificate");
        answer("render-qr-code", CertificateApi.class, "qrPng");
        answer("render-certificate-pdf", CertificateApi.class, "pdf");
        answer("read-deliveries", CertificateApi.class, "deliveries");
        answer("read-credential", CertificateApi.class, "credential");
        answer("read-smart-health-card", CertificateApi.class, "smartHealthCard");
        answer("read-ddcc-document", CertificateApi.class, "ddcc");
        answer("verify-credential", VerifyApi.class, "verify");
        answer("publish-jwks", PublicKeysApi.class, "jwks");
        answer("publish-did-document", PublicKeysApi.class, "didDocument");
        answer("publish-document-signers", PublicKeysApi.class, "documentSigners");
        answer("publish-shc-revocation-list", PublicKeysApi.class, "shcRevocationList");
    }
}

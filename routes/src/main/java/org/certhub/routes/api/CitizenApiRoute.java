package org.certhub.routes.api;

import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.http.HttpRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * citizen API: event state, certificates and their documents (a citizen's download is audited), verification, the
 * public keys and JSON-LD contexts.
 */
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
        rest("/api/v1/citizen")
                .post("/otp").to("direct:send-citizen-code")
                .post("/session").to("direct:open-citizen-session")
                .get("/certificates").to("direct:list-citizen-certificates");
        rest("/.well-known")
                .get("/jwks.json").to("direct:publish-jwks")
                .get("/did.json").to("direct:publish-did-document")
                .get("/dsc.json").to("direct:publish-document-signers")
                .get("/crl/{file}").to("direct:publish-shc-revocation-list");
        rest("/credentials")
                .get("/vaccination/v1").to("direct:publish-vaccination-context")
                .get("/status/{list}").to("direct:publish-status-list");

        answer("read-event", CertificateApi.class, "event");
        citizenAuditedAnswer("read-certificate", CertificateApi.class, "certificate");
        citizenAuditedAnswer("render-qr-code", CertificateApi.class, "qrPng");
        citizenAuditedAnswer("render-certificate-pdf", CertificateApi.class, "pdf");
        citizenAuditedAnswer("read-deliveries", CertificateApi.class, "deliveries");
        citizenAuditedAnswer("read-credential", CertificateApi.class, "credential");
        citizenAuditedAnswer("read-smart-health-card", CertificateApi.class, "smartHealthCard");
        citizenAuditedAnswer("read-ddcc-document", CertificateApi.class, "ddcc");
        answerAdmitted("verify-credential", VerifyRateLimits.class, VerifyApi.class, "verify");
        answer("send-citizen-code", CitizenApi.class, "requestCode");
        answer("open-citizen-session", CitizenApi.class, "openSession");
        answer("list-citizen-certificates", CitizenApi.class, "certificates");
        answer("publish-jwks", PublicKeysApi.class, "jwks");
        answer("publish-did-document", PublicKeysApi.class, "didDocument");
        answer("publish-document-signers", PublicKeysApi.class, "documentSigners");
        answer("publish-shc-revocation-list", PublicKeysApi.class, "shcRevocationList");
        answer("publish-vaccination-context", LinkedDataApi.class, "vaccinationContext");
        answer("publish-status-list", LinkedDataApi.class, "statusList");
    }
}

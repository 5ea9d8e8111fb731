package org.certhub.routes.api;

import org.apache.camel.model.rest.ParamDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.security.AuditedRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * citizen API: event state, certificates and their documents (a citizen's download is audited), verification, the
 * public keys and JSON-LD contexts.
 */
@Component
@ConditionalOnRole(Role.API)
public class CitizenApiRoute extends AuditedRouteBuilder {

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        rest("/api/v1").description("certificates and their events")
                .get("/events/{id}").description("the state of one vaccination event")
                    .param().name("id").type(RestParamType.path).description("the event id").endParam()
                    .responseMessage(reply(200, """
                        the event: \
                        {"id":"…","state":"received|certified|delivered|held|failed","certificateId":"…",\
                        "reason":null}"""))
                    .responseMessage(reply(404, "no such event"))
                    .to("direct:read-event")
                .get("/certificates/{id}").description("the certificate record with every signed credential")
                    .param().name("id").type(RestParamType.path).description("the certificate id").endParam()
                    .responseMessage(reply(200, """
                        the certificate: \
                        {"id":"…","version":1,"status":"issued","credential":{"format":"w3c-vc","kid":"…","qr":"…"},\
                        "credentials":[{"format":"w3c-vc","kid":"…","qr":"…"}]}"""))
                    .responseMessage(reply(404, "no such certificate"))
                    .to("direct:read-certificate")
                .get("/certificates/{id}/qr.png").description("the QR code of one credential")
                    .param().name("id").type(RestParamType.path).description("the certificate id").endParam()
                    .param(format())
                    .responseMessage(reply(200, "a PNG image"))
                    .responseMessage(reply(404, "no such certificate or format"))
                    .to("direct:render-qr-code")
                .get("/certificates/{id}/certificate.pdf").description("the certificate document")
                    .param().name("id").type(RestParamType.path).description("the certificate id").endParam()
                    .param(format())
                    .param().name("lang").type(RestParamType.query).required(false)
                        .description("the language of the document, e.g. hi (default: the recipient's language)")
                        .endParam()
                    .responseMessage(reply(200, "a PDF document"))
                    .responseMessage(reply(404, "no such certificate or format"))
                    .to("direct:render-certificate-pdf")
                .get("/certificates/{id}/deliveries").description("the delivery state per channel")
                    .param().name("id").type(RestParamType.path).description("the certificate id").endParam()
                    .responseMessage(reply(200, """
                        the deliveries: \
                        {"certificateId":"…","deliveries":[{"channel":"email","state":"queued|sent|failed|dead",\
                        "attempts":1,"lastError":null,"updatedAt":"2026-01-01T00:00:00Z"}]}"""))
                    .responseMessage(reply(404, "no such certificate"))
                    .to("direct:read-deliveries")
                .get("/certificates/{id}/shc.smart-health-card").description("the SMART Health Card file wallets import")
                    .param().name("id").type(RestParamType.path).description("the certificate id").endParam()
                    .responseMessage(reply(200, """
                        application/smart-health-card, an attachment: {"verifiableCredential":["<JWS>"]}"""))
                    .responseMessage(reply(404, "no such certificate, or none in the shc format"))
                    .to("direct:read-smart-health-card")
                .get("/certificates/{id}/ddcc").description("the certificate as a WHO DDCC:VS document Bundle")
                    .param().name("id").type(RestParamType.path).description("the certificate id").endParam()
                    .responseMessage(reply(200, "application/fhir+json: a FHIR Bundle of type document"))
                    .responseMessage(reply(404, "no such certificate"))
                    .to("direct:read-ddcc-document")
                .get("/certificates/{id}/{format}").description("one credential as its own document")
                    .param().name("id").type(RestParamType.path).description("the certificate id").endParam()
                    .param().name("format").type(RestParamType.path).description("w3c-vc, eu-dcc or shc").endParam()
                    .responseMessage(reply(200, "the credential in its own media type"))
                    .responseMessage(reply(404, "no such certificate or format"))
                    .to("direct:read-credential")
                .post("/verify").description("verifies one QR code of any supported format")
                    .param().name("body").type(RestParamType.body).description("""
                        text/plain: the QR text or a SMART Health Card JWS; application/octet-stream: DIVOC's zipped \
                        QR bytes; application/json: {"qr":["shc:/1/2/…","shc:/2/2/…"]}""").endParam()
                    .param().name("at").type(RestParamType.query).required(false)
                        .description("the instant to verify at (default now)").endParam()
                    .responseMessage(reply(200, """
                        the verdict: {"valid":true,"format":"w3c-vc","issuer":"…","subject":{},"certificateId":"…"}"""))
                    .responseMessage(reply(429, "too many verifications from this client address (Retry-After)"))
                    .to("direct:verify-credential");
        rest("/api/v1/citizen").description("a citizen's own certificates, by a one-time code")
                .post("/otp").description("sends a one-time code to a contact certificates were issued for")
                    .param().name("body").type(RestParamType.body).description("{\"contact\":\"<email or phone>\"}")
                        .endParam()
                    .responseMessage(reply(202, "accepted, whether or not the contact is known"))
                    .responseMessage(reply(429, "too many requests from this client address (Retry-After)"))
                    .to("direct:send-citizen-code")
                .post("/session").description("opens a citizen session with the code")
                    .param().name("body").type(RestParamType.body).description("{\"contact\":\"…\",\"code\":\"123456\"}")
                        .endParam()
                    .responseMessage(reply(200, """
                        the session: {"token":"…","expiresAt":"2026-01-01T00:00:00Z"}"""))
                    .responseMessage(reply(401, "a wrong, used or expired code"))
                    .to("direct:open-citizen-session")
                .get("/certificates").description("the holder's certificates (Authorization: Bearer <session token>)")
                    .responseMessage(reply(200, """
                        the certificates: {"certificates":[{"id":"…","links":{"pdf":"…","qr":"…","record":"…"}}]}"""))
                    .responseMessage(reply(401, "no valid session token"))
                    .to("direct:list-citizen-certificates")
                .post("/certificates/{id}/correction-requests")
                    .description("asks the record's sender to correct a certificate the citizen holds (free text)")
                    .param().name("id").type(RestParamType.path).description("the certificate id").endParam()
                    .param().name("body").type(RestParamType.body).description("{\"text\":\"what is wrong\"}")
                        .endParam()
                    .responseMessage(reply(201, """
                        stored: {"id":"…","certificateId":"…","requestedAt":"2026-01-01T00:00:00Z"}"""))
                    .responseMessage(reply(400, "no text, or more than 2,000 characters"))
                    .responseMessage(reply(403, "not a certificate this token holds"))
                    .responseMessage(reply(404, "no such certificate"))
                    .to("direct:request-correction");
        rest("/api/v1/correction-requests").description("citizens' correction requests on the sender's own records")
                .get().description("the newest 500 correction requests on the calling sender's records")
                    .responseMessage(reply(200, """
                        {"requests":[{"id":"…","certificateId":"…","eventId":"…","sender":"…","text":"…",\
                        "requestedAt":"2026-01-01T00:00:00Z"}]}"""))
                    .to("direct:list-correction-requests");
        rest("/.well-known").description("public keys")
                .get("/jwks.json").description("the SMART Health Card signing keys, active and retired")
                    .responseMessage(reply(200, "a JWK set: {\"keys\":[]}"))
                    .to("direct:publish-jwks")
                .get("/did.json").description("the DID document of the W3C VC issuer")
                    .responseMessage(reply(200, "a DID document"))
                    .to("direct:publish-did-document")
                .get("/dsc.json").description("the EU DCC document signer certificates")
                    .responseMessage(reply(200, """
                        the EU trust-list shape: [{"kid":"…","country":"…","certificateType":"DSC","rawData":"…"}]"""))
                    .to("direct:publish-document-signers")
                .get("/crl/{file}").description(
                        "the card revocation list of one SMART Health Card key (<kid>.json), or the UCI hashes of the"
                                + " withdrawn EU DCCs (eu-dcc.json)")
                    .param().name("file").type(RestParamType.path).description("<kid>.json or eu-dcc.json").endParam()
                    .responseMessage(reply(200, """
                        {"kid":"…","method":"rid","ctr":1,"rids":["…"]} or {"format":"eu-dcc","hashType":"UCI","hashes":["…"]}"""))
                    .responseMessage(reply(404, "not a key of this hub"))
                    .to("direct:publish-revocation-list");
        rest("/credentials").description("JSON-LD contexts and status lists of the W3C credentials")
                .get("/vaccination/v1").description("the JSON-LD vaccination context")
                    .responseMessage(reply(200, "application/ld+json"))
                    .to("direct:publish-vaccination-context")
                .get("/status/{list}").description("a Bitstring Status List credential (revocation)")
                    .param().name("list").type(RestParamType.path).description("the list number").endParam()
                    .responseMessage(reply(200, "application/vc+ld+json: a signed status list credential"))
                    .responseMessage(reply(404, "a list never given"))
                    .to("direct:publish-status-list");

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
        auditedAnswer("request-correction", CorrectionRequestApi.class, "request", "correction-request", "id");
        answer("list-correction-requests", CorrectionRequestApi.class, "list");
        answer("publish-jwks", PublicKeysApi.class, "jwks");
        answer("publish-did-document", PublicKeysApi.class, "didDocument");
        answer("publish-document-signers", PublicKeysApi.class, "documentSigners");
        answer("publish-revocation-list", PublicKeysApi.class, "revocationList");
        answer("publish-vaccination-context", LinkedDataApi.class, "vaccinationContext");
        answer("publish-status-list", LinkedDataApi.class, "statusList");
        // spotless:on
    }

    private static ParamDefinition format() {
        return new ParamDefinition()
                .name("format")
                .type(RestParamType.query)
                .required(false)
                .description("the credential to draw: w3c-vc, eu-dcc or shc (default the primary format)");
    }
}

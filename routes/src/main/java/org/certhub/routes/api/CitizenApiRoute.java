package org.certhub.routes.api;

import org.apache.camel.model.rest.ParamDefinition;
import org.apache.camel.model.rest.RestParamType;
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
                        .description("the language of the document, e.g. hi (default en)").endParam()
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
                    .to("direct:verify-credential");
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
                    .to("direct:publish-document-signers");

        answer("read-event", CertificateApi.class, "event");
        answer("read-certificate", CertificateApi.class, "certificate");
        answer("render-qr-code", CertificateApi.class, "qrPng");
        answer("render-certificate-pdf", CertificateApi.class, "pdf");
        answer("read-deliveries", CertificateApi.class, "deliveries");
        answer("read-credential", CertificateApi.class, "credential");
        answer("verify-credential", VerifyApi.class, "verify");
        answer("publish-jwks", PublicKeysApi.class, "jwks");
        answer("publish-did-document", PublicKeysApi.class, "didDocument");
        answer("publish-document-signers", PublicKeysApi.class, "documentSigners");
    }

    private static ParamDefinition format() {
        return new ParamDefinition().name("format").type(RestParamType.query).required(false)
                .description("the credential to draw: w3c-vc, eu-dcc or shc (default the primary format)");
    }
}

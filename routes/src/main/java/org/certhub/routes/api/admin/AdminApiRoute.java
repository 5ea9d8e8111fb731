package org.certhub.routes.api.admin;

import org.apache.camel.model.rest.RestParamType;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.http.HttpRouteBuilder;
import org.springframework.stereotype.Component;

/** admin API under {@code /api/v1/admin} (the admin key is checked by the API key filter before any route runs). */
@Component
@ConditionalOnRole(Role.API)
public class AdminApiRoute extends HttpRouteBuilder {

    @Override
    public void configure() {
        rest("/api/v1/admin").description("administration (the admin API key)")
                .post("/dead-letters/{queue}/replay").description("moves a stage's dead letters back onto its queue")
                    .param().name("queue").type(RestParamType.path)
                        .description("certify, certificate-issued or deliver-<channel>").endParam()
                    .responseMessage(reply(200, "how many were replayed: {\"replayed\":3}"))
                    .to("direct:replay-dead-letters")
                .post("/certificates/{id}/revoke").description("revokes a certificate: it then verifies as revoked")
                    .param().name("id").type(RestParamType.path).description("the certificate id").endParam()
                    .responseMessage(reply(200, """
                        revoked: {"id":"…","status":"revoked"}"""))
                    .responseMessage(reply(404, "no such certificate"))
                    .to("direct:revoke-certificate")
                .post("/keys/{purpose}/rotate").description("a new active signing key; the old one stays published")
                    .param().name("purpose").type(RestParamType.path).description("W3C_VC, EU_DCC or SHC").endParam()
                    .responseMessage(reply(200, """
                        the new key: {"purpose":"SHC","keyId":"…"}"""))
                    .to("direct:rotate-signing-key")
                .get("/events").description("events in one state: the review queue")
                    .param().name("state").type(RestParamType.query).description("e.g. held").endParam()
                    .responseMessage(reply(200, """
                        the events: {"state":"held","events":[{"id":"…","reason":"…"}]}"""))
                    .to("direct:list-events")
                .post("/events/{id}/approve").description("releases a held event, the ID check waived")
                    .param().name("id").type(RestParamType.path).description("the event id").endParam()
                    .responseMessage(reply(202, """
                        queued for certification: {"id":"…","state":"received"}"""))
                    .to("direct:approve-held-event")
                .post("/events/{id}/reject").description("fails a held event")
                    .param().name("id").type(RestParamType.path).description("the event id").endParam()
                    .responseMessage(reply(200, """
                        failed: {"id":"…","state":"failed"}"""))
                    .to("direct:reject-held-event");

        answer("replay-dead-letters", AdminApi.class, "replayDeadLetters");
        answer("revoke-certificate", AdminApi.class, "revoke");
        answer("rotate-signing-key", AdminApi.class, "rotateKey");
        answer("list-events", AdminApi.class, "events");
        answer("approve-held-event", AdminApi.class, "approve");
        answer("reject-held-event", AdminApi.class, "reject");
    }
}

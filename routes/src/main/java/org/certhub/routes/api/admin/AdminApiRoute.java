package org.certhub.routes.api.admin;

import org.apache.camel.model.rest.RestParamType;
import org.certhub.routes.api.CorrectionRequestApi;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.security.AuditedRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * admin API under {@code /api/v1/admin} (who may call which is the access table's, checked by the security chain
 * before any route runs); every change is a row of the audit trail.
 */
@Component
@ConditionalOnRole(Role.API)
public class AdminApiRoute extends AuditedRouteBuilder {

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
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
                .get("/correction-requests").description("citizens' correction requests, newest first (at most 500)")
                    .responseMessage(reply(200, """
                        {"requests":[{"id":"…","certificateId":"…","eventId":"…","sender":"…","text":"…",\
                        "requestedAt":"2026-01-01T00:00:00Z"}]}"""))
                    .to("direct:list-all-correction-requests")
                .post("/events/{id}/approve").description("releases a held event, the ID check waived")
                    .param().name("id").type(RestParamType.path).description("the event id").endParam()
                    .responseMessage(reply(202, """
                        queued for certification: {"id":"…","state":"received"}"""))
                    .to("direct:approve-held-event")
                .post("/events/{id}/reject").description("fails a held event")
                    .param().name("id").type(RestParamType.path).description("the event id").endParam()
                    .responseMessage(reply(200, """
                        failed: {"id":"…","state":"failed"}"""))
                    .to("direct:reject-held-event")
                .post("/senders").description("registers a sending system; its API key is shown once")
                    .param().name("body").type(RestParamType.body)
                        .description("{\"id\":\"…\",\"name\":\"…\",\"programmes\":[],\"facilities\":[]}").endParam()
                    .responseMessage(reply(201, """
                        the sender: {"id":"…","apiKey":"…"}"""))
                    .responseMessage(reply(409, "the id exists"))
                    .to("direct:create-sender")
                .post("/senders/{id}/keys").description("a new API key; earlier keys work until previousKeysValidUntil")
                    .param().name("id").type(RestParamType.path).description("the sender id").endParam()
                    .responseMessage(reply(200, """
                        the key: {"id":"…","apiKey":"…","previousKeysValidUntil":"2026-01-01T00:00:00Z"}"""))
                    .responseMessage(reply(404, "no such sender"))
                    .to("direct:rotate-sender-key")
                .delete("/senders/{id}").description("disables a sender: its keys stop at once")
                    .param().name("id").type(RestParamType.path).description("the sender id").endParam()
                    .responseMessage(reply(200, "disabled"))
                    .responseMessage(reply(404, "no such sender"))
                    .to("direct:disable-sender")
                .get("/audit").description("the audit trail, oldest first, at most 1,000 rows")
                    .param().name("from").type(RestParamType.query).required(false).description("an ISO-8601 instant")
                        .endParam()
                    .param().name("to").type(RestParamType.query).required(false).description("an ISO-8601 instant")
                        .endParam()
                    .param().name("action").type(RestParamType.query).required(false).description("e.g. revoke")
                        .endParam()
                    .responseMessage(reply(200, """
                        {"entries":[{"id":1,"at":"…","actor":"…","role":"…","action":"…","targetId":"…",\
                        "outcome":"…","clientAddress":"…"}]}"""))
                    .to("direct:read-audit-trail");

        auditedAnswer("replay-dead-letters", AdminApi.class, "replayDeadLetters", "replay-dead-letters", "queue");
        auditedAnswer("revoke-certificate", AdminApi.class, "revoke", "revoke", "id");
        auditedAnswer("rotate-signing-key", AdminApi.class, "rotateKey", "rotate-signing-key", "purpose");
        answer("list-events", AdminApi.class, "events");
        answer("list-all-correction-requests", CorrectionRequestApi.class, "list");
        auditedAnswer("approve-held-event", AdminApi.class, "approve", "approve-held-event", "id");
        auditedAnswer("reject-held-event", AdminApi.class, "reject", "reject-held-event", "id");
        auditedAnswer("create-sender", SenderAdminApi.class, "create", "create-sender", SenderAdminApi.CREATED_ID);
        auditedAnswer("rotate-sender-key", SenderAdminApi.class, "rotateKey", "rotate-sender-key", "id");
        auditedAnswer("disable-sender", SenderAdminApi.class, "disable", "disable-sender", "id");
        answer("read-audit-trail", AuditApi.class, "entries");
        // spotless:on
    }
}

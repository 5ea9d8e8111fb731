package org.certhub.routes.api.admin;

import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.http.HttpRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * admin API under {@code /api/v1/admin} (who may call which is the access table's, checked by the security chain
 * before any route runs); every change is a row of the audit trail.
 */
@Component
@ConditionalOnRole(Role.API)
public class AdminApiRoute extends HttpRouteBuilder {

    @Override
    public void configure() {
        rest("/api/v1/admin")
                .post("/dead-letters/{queue}/replay").to("direct:replay-dead-letters")
                .post("/certificates/{id}/revoke").to("direct:revoke-certificate")
                .post("/keys/{purpose}/rotate").to("direct:rotate-signing-key")
                .get("/events").to("direct:list-events")
                .post("/events/{id}/approve").to("direct:approve-held-event")
                .post("/events/{id}/reject").to("direct:reject-held-event")
                .post("/senders").to("direct:create-sender")
                .post("/senders/{id}/keys").to("direct:rotate-sender-key")
                .delete("/senders/{id}").to("direct:disable-sender")
                .get("/audit").to("direct:read-audit-trail");

        auditedAnswer("replay-dead-letters", AdminApi.class, "replayDeadLetters", "replay-dead-letters", "queue");
        auditedAnswer("revoke-certificate", AdminApi.class, "revoke", "revoke", "id");
        auditedAnswer("rotate-signing-key", AdminApi.class, "rotateKey", "rotate-signing-key", "purpose");
        answer("list-events", AdminApi.class, "events");
        auditedAnswer("approve-held-event", AdminApi.class, "approve", "approve-held-event", "id");
        auditedAnswer("reject-held-event", AdminApi.class, "reject", "reject-held-event", "id");
        auditedAnswer("create-sender", SenderAdminApi.class, "create", "create-sender", SenderAdminApi.CREATED_ID);
        auditedAnswer("rotate-sender-key", SenderAdminApi.class, "rotateKey", "rotate-sender-key", "id");
        auditedAnswer("disable-sender", SenderAdminApi.class, "disable", "disable-sender", "id");
        answer("read-audit-trail", AuditApi.class, "entries");
    }
}

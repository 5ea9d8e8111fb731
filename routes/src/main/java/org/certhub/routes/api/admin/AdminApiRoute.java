package org.certhub.routes.api.admin;

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
        rest("/api/v1/admin")
                .post("/dead-letters/{queue}/replay").to("direct:replay-dead-letters")
                .post("/certificates/{id}/revoke").to("direct:revoke-certificate")
                .post("/keys/{purpose}/rotate").to("direct:rotate-signing-key")
                .get("/events").to("direct:list-events")
                .post("/events/{id}/approve").to("direct:approve-held-event")
                .post("/events/{id}/reject").to("direct:reject-held-event");

        answer("replay-dead-letters", AdminApi.class, "replayDeadLetters");
        answer("revoke-certificate", AdminApi.class, "revoke");
        answer("rotate-signing-key", AdminApi.class, "rotateKey");
        answer("list-events", AdminApi.class, "events");
        answer("approve-held-event", AdminApi.class, "approve");
        answer("reject-held-event", AdminApi.class, "reject");
    }
}

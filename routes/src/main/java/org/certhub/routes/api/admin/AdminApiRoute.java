package org.certhub.routes.api.admin;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.http.HttpAnswer;
import org.springframework.stereotype.Component;

/** admin API under {@code /api/v1/admin} (the admin key is checked by the API key filter before any route runs). */
@Component
@ConditionalOnRole(Role.API)
public class AdminApiRoute extends RouteBuilder {

    @Override
    public void configure() {
        rest("/api/v1/admin")
                .post("/dead-letters/{queue}/replay").to("direct:replay-dead-letters")
                .post("/certificates/{id}/revoke").to("direct:revoke-certificate")
                .post("/keys/{purpose}/rotate").to("direct:rotate-signing-key")
                .get("/events").to("direct:list-events")
                .post("/events/{id}/approve").to("direct:approve-held-event")
                .post("/events/{id}/reject").to("direct:reject-held-event");

        answer("replay-dead-letters", "replayDeadLetters");
        answer("revoke-certificate", "revoke");
        answer("rotate-signing-key", "rotateKey");
        answer("list-events", "events");
        answer("approve-held-event", "approve");
        answer("reject-held-event", "reject");
    }

    private void answer(String routeId, String method) {
        from("direct:" + routeId).routeId(routeId).routeConfigurationId("http-errors")
                .bean(AdminApi.class, method)
                .process(HttpAnswer::respond);
    }
}

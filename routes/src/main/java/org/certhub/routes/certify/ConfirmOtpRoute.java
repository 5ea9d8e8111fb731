package org.certhub.routes.certify;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.http.HttpAnswer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The citizen's one-time code for an event held for it ({@code certhub.connectors.id.provider=otp}). */
@Component
@ConditionalOnRole(Role.API)
@ConditionalOnProperty(name = "certhub.connectors.id.provider", havingValue = "otp")
public class ConfirmOtpRoute extends RouteBuilder {

    @Override
    public void configure() {
        rest("/api/v1").post("/events/{id}/otp").to("direct:confirm-one-time-code");
        from("direct:confirm-one-time-code").routeId("confirm-one-time-code").routeConfigurationId("http-errors")
                .bean(OtpConfirmation.class, "confirm")
                .process(HttpAnswer::respond);
    }
}

package org.certhub.routes.certify;

import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.http.HttpRouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The citizen's one-time code for an event held for it ({@code certhub.connectors.id.provider=otp}). */
@Component
@ConditionalOnRole(Role.API)
@ConditionalOnProperty(name = "certhub.connectors.id.provider", havingValue = "otp")
public class ConfirmOtpRoute extends HttpRouteBuilder {

    @Override
    public void configure() {
        rest("/api/v1").post("/events/{id}/otp").to("direct:confirm-one-time-code");
        answer("confirm-one-time-code", OtpConfirmation.class, "confirm");
    }
}

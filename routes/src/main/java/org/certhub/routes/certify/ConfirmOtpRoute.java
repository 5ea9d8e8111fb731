package org.certhub.routes.certify;

import org.apache.camel.model.rest.RestParamType;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
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
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        rest("/api/v1").post("/events/{id}/otp").description("the citizen's one-time code for a held event")
                .param().name("id").type(RestParamType.path).description("the event id").endParam()
                .param().name("body").type(RestParamType.body).description("{\"code\":\"123456\"}").endParam()
                .responseMessage(reply(202, "confirmed: {\"confirmed\":true}"))
                .responseMessage(reply(422, "a wrong or expired code"))
                .to("direct:confirm-one-time-code");
        answer("confirm-one-time-code", OtpConfirmation.class, "confirm");
        // spotless:on
    }
}

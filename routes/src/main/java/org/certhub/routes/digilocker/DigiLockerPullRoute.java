package org.certhub.routes.digilocker;

import static org.certhub.routes.http.HttpRouteBuilder.reply;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.http.HttpAnswer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** DigiLocker pull: {@code POST /cert/api/pullUriRequest} and {@code /cert/api/pullDocRequest}, HMAC-authenticated. */
@Component
@ConditionalOnRole(Role.API)
@ConditionalOnProperty(name = "certhub.channels.digilocker.pull.enabled", havingValue = "true")
public class DigiLockerPullRoute extends RouteBuilder {

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        rest("/cert/api").description("DigiLocker pull (HMAC-authenticated)")
                .post("/pullUriRequest").description("DigiLocker's PullURIRequest: the URI of a certificate")
                    .responseMessage(reply(200, "a PullURIResponse")).to("direct:answer-pull-uri-request")
                .post("/pullDocRequest").description("DigiLocker's PullDocRequest: the certificate document")
                    .responseMessage(reply(200, "a PullDocResponse")).to("direct:answer-pull-doc-request");
        from("direct:answer-pull-uri-request").routeId("answer-pull-uri-request")
                .bean(DigiLockerPullApi.class, "pullUri")
                .process(HttpAnswer::respond);
        from("direct:answer-pull-doc-request").routeId("answer-pull-doc-request")
                .bean(DigiLockerPullApi.class, "pullDoc")
                .process(HttpAnswer::respond);
        // spotless:on
    }
}

package org.certhub.routes.certify;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.springframework.stereotype.Component;

/**
 * certify: a stored event from the certify queue becomes a signed certificate, announced as issued; an event held
 * for review (identity, payment) is not announced.
 */
@Component
@ConditionalOnRole(Role.CERTIFY)
public class CertifyEventRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("{{certhub.queues.certify}}").routeId("certify-event").routeConfigurationId("certify-errors")
                .bean(CertificationService.class, "certify").id("sign-certificate")
                .filter(body().isNotNull()).id("skip-held-event")
                    .to("{{certhub.queues.certificate-issued}}").id("announce-issued")
                .end();
    }
}

package org.certhub.routes.certify;

import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.stage.StageErrorPolicies;
import org.springframework.stereotype.Component;

/**
 * certify: a stored event from the certify queue becomes a signed certificate, announced as issued. The identity
 * check and the funding decision are outside calls, each with its own time limit and circuit breaker, made with no
 * database transaction open; the certificate and the event's state are then stored in one short transaction. An
 * event held for review (identity, payment) or failed (payment declined, no format can carry its record) stops at
 * that step and is not announced. The whole message is one JMS transaction: the read and the announcement commit
 * together, after the database.
 */
@Component
@ConditionalOnRole(Role.CERTIFY)
public class CertifyEventRoute extends RouteBuilder {

    private static final Predicate ISSUED =
            exchange -> exchange.getIn().getBody(Certification.class).announces();

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        from("{{certhub.queues.certify}}").routeId("certify-event").routeConfigurationId("certify-errors")
                .setProperty(StageErrorPolicies.EVENT_ID, body())
                .bean(CertifySteps.class, "find").id("find-event")
                .bean(CertifySteps.class, "verifyIdentity").id("verify-identity")
                .bean(CertifySteps.class, "checkFunding").id("check-funding")
                .bean(CertifySteps.class, "sign").id("sign")
                .bean(CertifySteps.class, "store").id("store")
                .filter(ISSUED).id("skip-held-event")
                    .setBody(exchange -> exchange.getIn().getBody(Certification.class).certificateId())
                    .to("{{certhub.queues.certificate-issued}}").id("announce-issued")
                .end();
        // spotless:on
    }
}

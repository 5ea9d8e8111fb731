package org.certhub.routes.distribute;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.hub.HubEvents;
import org.springframework.stereotype.Component;

/**
 * distribute: an issued certificate is announced to the routes of the configuration folder
 * ({@link HubEvents#CERTIFICATE_ISSUED}) and fans out to the delivery queue of every channel that reaches its holder.
 */
@Component
@ConditionalOnRole(Role.DISTRIBUTE)
public class DistributeCertificateRoute extends RouteBuilder {

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        from("{{certhub.queues.certificate-issued}}").routeId("distribute-certificate").routeConfigurationId("distribute-errors")
                .bean(HubEvents.class, "certificateIssued").id("announce-certificate-issued")
                .recipientList(method(DeliveryPlanner.class, "queuesFor")).id("fan-out-to-channels");
        // spotless:on
    }
}

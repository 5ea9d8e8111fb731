package org.certhub.routes.certify;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.springframework.stereotype.Component;

/**
 * Once at start, on the nodes that certify: the events a crash or stop left {@code received} (stored, never
 * queued) go on the certify queue at once instead of waiting for {@link RequeueWaitingEventsRoute}'s sweep.
 */
@Component
@ConditionalOnRole(Role.CERTIFY)
public class QueueLeftEventsRoute extends RouteBuilder {

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        from("timer:queue-events-left-received?repeatCount=1").routeId("queue-events-left-received")
                .bean(WaitingEvents.class, "leftByEarlierRun").id("claim-left-events")
                .split(body())
                    .to("direct:queue-for-certification").id("queue-left-event");
        // spotless:on
    }
}

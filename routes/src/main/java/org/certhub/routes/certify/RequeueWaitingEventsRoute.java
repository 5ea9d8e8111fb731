package org.certhub.routes.certify;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.springframework.stereotype.Component;

/** Puts events that a crash left unqueued back on the certify queue, every {@code certhub.requeue.period}. */
@Component
@ConditionalOnRole(Role.INGEST)
public class RequeueWaitingEventsRoute extends RouteBuilder {

    private final long periodMs;

    public RequeueWaitingEventsRoute(RequeueProperties properties) {
        this.periodMs = properties.period().toMillis();
    }

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        from("timer:requeue-waiting-events?period=" + periodMs + "&delay=" + periodMs)
                .routeId("requeue-waiting-events")
                .bean(WaitingEvents.class, "due").id("claim-waiting-events")
                .split(body())
                    .to("direct:queue-for-certification").id("requeue-event");
        // spotless:on
    }
}

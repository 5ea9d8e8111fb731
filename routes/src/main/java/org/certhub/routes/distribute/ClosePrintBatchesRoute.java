package org.certhub.routes.distribute;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.connectors.distribution.print.PrintBatchDistributor;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.wiring.PrintChannelProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Marks print batches whose period has ended as complete, so print shops collect them; looks every
 * {@code certhub.channels.print.close-check-interval}. Safe on every node.
 */
@Component
@ConditionalOnRole(Role.DISTRIBUTE)
@ConditionalOnProperty(name = "certhub.channels.print.enabled", havingValue = "true")
public class ClosePrintBatchesRoute extends RouteBuilder {

    private final long intervalMs;

    public ClosePrintBatchesRoute(PrintChannelProperties properties) {
        this.intervalMs = properties.closeCheckInterval().toMillis();
    }

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        from("timer:close-print-batches?period=" + intervalMs)
                .routeId("close-print-batches")
                .bean(PrintBatchDistributor.class, "closeDueBatches").id("close-due-batches")
                .log("closed ${body.size()} print batch(es)");
        // spotless:on
    }
}

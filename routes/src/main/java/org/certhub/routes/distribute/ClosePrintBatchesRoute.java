package org.certhub.routes.distribute;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.connectors.distribution.print.PrintBatchDistributor;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Marks print batches whose period has ended as complete, so print shops collect them. Safe on every node. */
@Component
@ConditionalOnRole(Role.DISTRIBUTE)
@ConditionalOnProperty(name = "certhub.channels.print.enabled", havingValue = "true")
public class ClosePrintBatchesRoute extends RouteBuilder {

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        from("timer:close-print-batches?period={{certhub.channels.print.close-check-interval:600000}}")
                .routeId("close-print-batches")
                .bean(PrintBatchDistributor.class, "closeDueBatches").id("close-due-batches")
                .log("closed ${body.size()} print batch(es)");
        // spotless:on
    }
}

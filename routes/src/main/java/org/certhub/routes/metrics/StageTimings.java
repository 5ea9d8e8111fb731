package org.certhub.routes.metrics;

import java.time.Duration;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.stereotype.Component;

/**
 * Times each pass of a stage's route as {@code certhub_stage_duration_seconds{stage}}: {@code ingest} (a request or
 * queued record stored and queued), {@code certify}, {@code distribute} and {@code deliver} (a message, or a batch
 * of them, taken from the stage's queue until its transaction ends). Other routes are not timed.
 */
@Component
public class StageTimings implements RoutePolicyFactory {

    private final HubMetrics metrics;

    public StageTimings(HubMetrics metrics) {
        this.metrics = metrics;
    }

    /** The stage a route belongs to, by its id; empty for routes that are not a stage's. */
    static Optional<String> stageOf(String routeId) {
        if (routeId.startsWith("ingest-")
                || routeId.startsWith("divoc-certify")
                || routeId.equals("divoc-correct-certificate")) {
            return Optional.of("ingest");
        }
        if (routeId.equals("certify-event")) {
            return Optional.of("certify");
        }
        if (routeId.equals("distribute-certificate")) {
            return Optional.of("distribute");
        }
        return routeId.startsWith("deliver-") ? Optional.of("deliver") : Optional.empty();
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return stageOf(routeId).map(this::timer).orElse(null);
    }

    private RoutePolicy timer(String stage) {
        String started = "certhubStageStarted-" + stage;
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route route, Exchange exchange) {
                exchange.setProperty(started, System.nanoTime());
            }

            @Override
            public void onExchangeDone(Route route, Exchange exchange) {
                Long start = exchange.getProperty(started, Long.class);
                if (start != null) {
                    metrics.stageDuration(stage, Duration.ofNanos(System.nanoTime() - start));
                    exchange.removeProperty(started);
                }
            }
        };
    }
}

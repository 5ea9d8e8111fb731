package org.certhub.routes.certify;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.wiring.PaymentConnectorProperties;
import org.springframework.stereotype.Component;

/**
 * Reconciles pending payments every {@code certhub.connectors.payment.reconcile-interval} and queues events whose
 * payment has now been settled.
 */
@Component
@ConditionalOnRole(Role.CERTIFY)
public class ReconcilePaymentsRoute extends RouteBuilder {

    private final long intervalMs;

    public ReconcilePaymentsRoute(PaymentConnectorProperties properties) {
        this.intervalMs = properties.reconcileInterval().toMillis();
    }

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        from("timer:reconcile-payments?period=" + intervalMs + "&delay=" + intervalMs)
                .routeId("reconcile-payments")
                .bean(PaymentReconciliation.class, "due")
                .split(body())
                    .bean(PaymentReconciliation.class, "reconcile").id("reconcile-payment")
                    .filter(body().isNotNull())
                        .to("direct:queue-for-certification").id("requeue-paid-event")
                    .end()
                .end();
        // spotless:on
    }
}

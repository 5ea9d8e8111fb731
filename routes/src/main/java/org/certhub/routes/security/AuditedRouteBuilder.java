package org.certhub.routes.security;

import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpRouteBuilder;

/** HTTP routes whose answers are rows of the audit trail ({@link AuditTrail}). */
public abstract class AuditedRouteBuilder extends HttpRouteBuilder {
    // spotless:off: route definitions read as their flow, one step per line

    /**
     * {@code direct:<routeId>}: as {@link #answer}, and the outcome is a row of the audit trail: {@code action} on the
     * record named by the {@code targetHeader} (null: none).
     */
    protected void auditedAnswer(String routeId, Class<?> service, String method, String action, String targetHeader) {
        from("direct:" + routeId).routeId(routeId).routeConfigurationId("http-errors")
                .bean(service, method)
                .setProperty(AuditTrail.ACTION, constant(action))
                .setProperty(AuditTrail.TARGET_HEADER, constant(targetHeader))
                .bean(AuditTrail.class, "recordAnswer").id(routeId + "-audit")
                .process(HttpAnswer::respond);
    }

    /** {@code direct:<routeId>}: as {@link #answer}, and a citizen's read is a row of the audit trail ({@code download}). */
    protected void citizenAuditedAnswer(String routeId, Class<?> service, String method) {
        from("direct:" + routeId).routeId(routeId).routeConfigurationId("http-errors")
                .bean(service, method)
                .setProperty(AuditTrail.ACTION, constant("download"))
                .setProperty(AuditTrail.TARGET_HEADER, constant("id"))
                .setProperty(AuditTrail.CITIZENS_ONLY, constant(true))
                .bean(AuditTrail.class, "recordAnswer").id(routeId + "-audit")
                .process(HttpAnswer::respond);
    }
    // spotless:on
}

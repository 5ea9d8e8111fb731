package org.certhub.connectors.payment.rest;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Expression;
import org.certhub.connectors.http.HttpResult;
import org.certhub.connectors.http.JsonAnswer;
import org.certhub.connectors.http.OutboundHttp;
import org.certhub.connectors.http.RemoteCallException;
import org.certhub.connectors.http.RequestTemplate;
import org.certhub.connectors.payment.audit.AuditSink;
import org.certhub.connectors.payment.audit.DecisionAudit;
import org.certhub.connectors.payment.spi.FundingDecision;
import org.certhub.connectors.payment.spi.FundingDecision.Outcome;
import org.certhub.connectors.payment.spi.PaymentGateway;
import org.certhub.connectors.payment.spi.PaymentRejectedException;
import org.certhub.connectors.payment.spi.PaymentRequest;
import org.certhub.connectors.payment.spi.PaymentUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payer's HTTP JSON API ({@code certhub.connectors.payment.provider=rest}): a payment-status check or a
 * reimbursement claim, sent with the event id in the {@code Idempotency-Key} header so that the payer sees a
 * retried claim as the same claim. The payer's status is read by JSONPath and mapped to an outcome; every
 * decision is recorded for audit.
 */
public final class RestPaymentGateway implements PaymentGateway {

    public static final String NAME = "rest";

    /** The placeholders a body template or query parameter may use. */
    public static final Set<String> PLACEHOLDERS =
            Set.of("eventId", "programmeId", "facilityId", "fundingSource", "amount", "currency");

    private static final Logger LOG = LoggerFactory.getLogger(RestPaymentGateway.class);
    /** A request with the same idempotency key is still being processed by the payer: ask again later. */
    private static final int CONFLICT = 409;

    private final RestPaymentGatewaySettings settings;
    private final CamelContext camel;
    private final OutboundHttp client;
    private final RequestTemplate template;
    private final DecisionAudit audit;
    private final Expression statusPath;
    private final Expression referencePath;

    public RestPaymentGateway(RestPaymentGatewaySettings settings, AuditSink audit, CamelContext camel) {
        this(settings, audit, camel, Clock.systemUTC());
    }

    /** With the clock that times OAuth 2.0 token expiry and audit records. */
    public RestPaymentGateway(RestPaymentGatewaySettings settings, AuditSink audit, CamelContext camel, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.camel = Objects.requireNonNull(camel, "camel");
        this.client = new OutboundHttp(camel, "payer", settings.http(), clock);
        this.template = settings.requestTemplate();
        this.audit = new DecisionAudit(audit, clock);
        this.statusPath = JsonAnswer.compile(camel, settings.statusPath(), "statusPath");
        this.referencePath = JsonAnswer.compile(camel, settings.referencePath(), "referencePath");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FundingDecision check(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        Map<String, String> values = values(request);
        HttpResult result;
        try {
            result = client.send(template.call(values, Map.of(settings.idempotencyHeader(), request.eventId())));
        } catch (RemoteCallException e) {
            throw e.isTransient()
                    ? new PaymentUnavailableException("payer unavailable: " + e.getMessage(), e)
                    : new PaymentRejectedException("payer refused the credentials: " + e.getMessage(), e);
        }
        FundingDecision decision;
        if (settings.declinedStatuses().contains(result.status())) {
            decision = new FundingDecision(Outcome.DECLINED, NAME, null, "HTTP " + result.status());
        } else if (result.isTransientFailure() || result.status() == CONFLICT) {
            throw new PaymentUnavailableException("payer answered " + result.status());
        } else if (!result.isSuccess()) {
            throw new PaymentRejectedException("payer refused the request: " + result.status());
        } else {
            decision = read(result);
        }
        LOG.info("event {}: funding {} ({})", request.eventId(), decision.outcome(), decision.detail());
        return audit.record(request, decision);
    }

    private FundingDecision read(HttpResult result) {
        JsonAnswer answer;
        try {
            answer = JsonAnswer.parse(camel, result.body());
        } catch (IllegalArgumentException e) {
            throw new PaymentRejectedException("payer answered " + result.status() + " without JSON", e);
        }
        String status = answer.text(statusPath)
                .orElseThrow(
                        () -> new PaymentRejectedException("payer answer has no status at " + settings.statusPath()));
        String reference = answer.text(referencePath).orElse(null);
        String key = status.strip().toLowerCase(Locale.ROOT);
        Outcome outcome;
        if (settings.fundedValues().contains(key)) {
            outcome = Outcome.FUNDED;
        } else if (settings.paidValues().contains(key)) {
            outcome = Outcome.PAID;
        } else if (settings.pendingValues().contains(key)) {
            outcome = Outcome.PENDING;
        } else if (settings.declinedValues().contains(key)) {
            outcome = Outcome.DECLINED;
        } else {
            throw new PaymentRejectedException("payer status " + status + " is mapped to no outcome");
        }
        return new FundingDecision(outcome, NAME, reference, status);
    }

    private static Map<String, String> values(PaymentRequest request) {
        Map<String, String> values = new HashMap<>();
        values.put("eventId", request.eventId());
        values.put("programmeId", request.programmeId());
        values.put("facilityId", request.facilityId());
        values.put("fundingSource", request.fundingSource().name());
        values.put(
                "amount",
                request.amount() == null ? null : request.amount().value().toPlainString());
        values.put(
                "currency",
                request.amount() == null ? null : request.amount().currency().getCurrencyCode());
        return values;
    }
}

package org.certhub.routes.http;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.routes.config.InfrastructureFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The error policy of routes that answer HTTP requests: bad input is the sender's {@code 400}/{@code 422}
 * OperationOutcome; an unreachable database ({@link InfrastructureFaults}) is a {@code 503} with
 * {@code Retry-After}, so that the sender sends again later; anything else is a {@code 500}
 * that says nothing of the internals (the log has the cause).
 */
@Component
public class HttpErrorPolicy extends RouteConfigurationBuilder {
    // spotless:off: route definitions read as their flow, one step per line

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrorPolicy.class);

    /** Seconds a sender is asked to wait before it sends again while the database is unreachable. */
    /** How long a caller refused during a database outage is asked to wait ({@code Retry-After}). */
    public static final String RETRY_AFTER_SECONDS = "5";

    private final HttpProblems problems;

    public HttpErrorPolicy(HttpProblems problems) {
        this.problems = problems;
    }

    @Override
    public void configuration() {
        routeConfiguration("http-errors")
                .onException(RequestLimitFilter.BodyTooLargeException.class).handled(true)
                    .process(exchange -> exchange.getIn().setBody(
                            problems.answer(413, "too-costly", "the request body is larger than the hub accepts")))
                    .process(HttpAnswer::respond).end()
                .onException(TooManyRequestsException.class).handled(true)
                    .process(exchange -> exchange.getIn().setBody(problems.answer(429, "throttled",
                            "too many requests from this address; send again later").withHeader("Retry-After", String.valueOf(
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, TooManyRequestsException.class).retryAfterSeconds()))))
                    .process(HttpAnswer::respond).end()
                .onException(FhirInputException.class).handled(true)
                    .process(this::inputProblem).process(HttpAnswer::respond).end()
                .onException(Exception.class).handled(true)
                    .process(this::internalProblem).process(HttpAnswer::respond).end();
    }

    private void inputProblem(Exchange exchange) {
        FhirInputException problem = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, FhirInputException.class);
        exchange.getIn().setBody(problems.answer(problem, answerEncoding(exchange)));
    }

    private void internalProblem(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (InfrastructureFaults.isInfrastructureFault(cause)) {
            // an outage, not a defect: one line, without the stack trace, per refused request
            LOG.warn("request to route {} refused while the database is unavailable: {}", exchange.getFromRouteId(), cause.toString());
            exchange.getIn().setBody(problems.answer(503, "transient",
                    "the hub's database is unavailable; send the request again later").withHeader("Retry-After", RETRY_AFTER_SECONDS));
            return;
        }
        LOG.error("request to route {} failed", exchange.getFromRouteId(), cause);
        exchange.getIn().setBody(problems.answer(500, "exception", "the request could not be processed; it was not stored"));
    }

    private FhirEncoding answerEncoding(Exchange exchange) {
        return FhirEncoding.fromName(exchange.getIn().getHeader("_format", String.class))
                .or(() -> FhirEncoding.fromName(exchange.getIn().getHeader("Accept", String.class)))
                .or(() -> FhirEncoding.fromName(exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class)))
                .orElse(FhirEncoding.JSON);
    }
    // spotless:on
}

package org.certhub.routes.certify;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.certhub.connectors.id.spi.IdVerificationRejectedException;
import org.certhub.connectors.payment.spi.PaymentRejectedException;
import org.certhub.routes.config.CircuitBreakerProperties;
import org.certhub.routes.config.CircuitOpenException;
import org.certhub.routes.config.InfrastructureFaults;
import org.springframework.stereotype.Component;

/**
 * The certify stage's calls to outside systems, each with a time limit and through the system's own resilience4j
 * circuit breaker. A call that does not answer in time, or that the open circuit does not let through, fails as the
 * system's outage (the exception {@code outage} makes), so the stage retries it; while the circuit is open the
 * outage carries a {@link CircuitOpenException}, and the message waits and is retried without being dead-lettered.
 * Refusals (the ID system or payer said no), bad input and the hub's own database failing say nothing about the
 * system's health and are not counted.
 * <p>
 * No database transaction is open during these calls: the stage stores its outcome afterwards in one short one.
 * (As in {@code ChannelCircuitBreakers}, the breaker sits inside the step rather than in a Camel
 * {@code circuitBreaker()} block, whose body runs on a copy of the exchange outside the stage's error policy.)
 */
@Component
public class OutsideCalls {

    /** The breaker of the ID system ({@code verify-identity}). */
    public static final String IDENTITY = "identity";
    /** The breaker of the payer ({@code check-funding}). */
    public static final String FUNDING = "funding";

    private static final Predicate<Throwable> NOT_THE_SYSTEMS_FAULT =
            failure -> failure instanceof IdVerificationRejectedException
                    || failure instanceof PaymentRejectedException
                    || failure instanceof IllegalArgumentException
                    || InfrastructureFaults.isInfrastructureFault(failure);

    private final CircuitBreakerRegistry registry;
    private final ExecutorService callers;

    public OutsideCalls(CertifyProperties properties, CamelContext camel) {
        CircuitBreakerProperties breaker = properties.circuitBreaker();
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .slidingWindowSize(breaker.slidingWindowSize())
                .waitDurationInOpenState(breaker.waitInOpen())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreException(NOT_THE_SYSTEMS_FAULT)
                .build());
        // Camel owns the pool: it is shut down with the context, after the routes that use it
        this.callers = camel.getExecutorServiceManager().newCachedThreadPool(this, "certify-outside-call");
    }

    /**
     * Runs {@code call} through {@code system}'s breaker, waiting at most {@code timeout} for it.
     *
     * @param outage makes the system's outage exception from a message and a cause
     */
    public <T> T call(
            String system, Duration timeout, Supplier<T> call, BiFunction<String, Throwable, RuntimeException> outage) {
        CircuitBreaker breaker = registry.circuitBreaker(system);
        TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(timeout)
                .cancelRunningFuture(true)
                .build());
        // the call runs on a thread of its own, in the trace of the record it is made for
        Callable<T> traced = Context.current().wrap(call::get);
        Callable<T> limited = TimeLimiter.decorateFutureSupplier(limiter, () -> callers.submit(traced));
        try {
            return breaker.executeCallable(limited);
        } catch (CallNotPermittedException open) {
            throw outage.apply(system + " unavailable", new CircuitOpenException(system, open));
        } catch (Exception failed) {
            RuntimeException thrown;
            if (failed instanceof TimeoutException) {
                thrown = outage.apply(system + ": no answer within " + timeout, failed);
            } else if (failed instanceof RuntimeException runtime) {
                thrown = runtime;
            } else {
                thrown = outage.apply(system + ": " + failed.getMessage(), failed);
            }
            if (breaker.getState() == CircuitBreaker.State.OPEN && !NOT_THE_SYSTEMS_FAULT.test(thrown)) {
                // this failure opened the circuit, or was the probe of an open one: wait like the calls it now refuses
                throw outage.apply(thrown.getMessage(), new CircuitOpenException(system, thrown));
            }
            throw thrown;
        }
    }

    /** The breaker's state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}), for health reporting and tests. */
    public String state(String system) {
        return registry.circuitBreaker(system).getState().name();
    }
}

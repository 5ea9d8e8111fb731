package org.certhub.routes.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.impl.DefaultCamelContext;
import org.certhub.connectors.id.spi.IdSystemUnavailableException;
import org.certhub.connectors.id.spi.IdVerificationRejectedException;
import org.certhub.routes.config.CircuitBreakerProperties;
import org.certhub.routes.config.CircuitOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutsideCallsTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final OutsideCalls calls = new OutsideCalls(
            new CertifyProperties(LIMIT, LIMIT, new CircuitBreakerProperties(50, 4, 4, Duration.ofMinutes(10))), camel);
    private final AtomicInteger made = new AtomicInteger();

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    private String call(RuntimeException failure) {
        return calls.call(
                OutsideCalls.IDENTITY,
                LIMIT,
                () -> {
                    made.incrementAndGet();
                    if (failure != null) {
                        throw failure;
                    }
                    return "verified";
                },
                IdSystemUnavailableException::new);
    }

    @Test
    void aCallAnsweringInTimeAnswers() {
        assertThat(call(null)).isEqualTo("verified");
        assertThat(calls.state(OutsideCalls.IDENTITY)).isEqualTo("CLOSED");
    }

    @Test
    void aCallNotAnsweringInTimeIsTheSystemsOutage() {
        CountDownLatch never = new CountDownLatch(1);

        assertThatThrownBy(() -> calls.call(
                        OutsideCalls.FUNDING,
                        Duration.ofMillis(100),
                        () -> {
                            try {
                                never.await();
                            } catch (InterruptedException cancelled) {
                                Thread.currentThread().interrupt();
                            }
                            return "paid";
                        },
                        IdSystemUnavailableException::new))
                .isInstanceOf(IdSystemUnavailableException.class)
                .hasMessageContaining("no answer within PT0.1S")
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void repeatedOutagesOpenTheCircuitAndAnOpenCircuitMakesNoCallAndWaits() {
        IdSystemUnavailableException down = new IdSystemUnavailableException("503 from the ID system");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> call(down)).isSameAs(down);
        }
        // the fourth failure fills the window and opens the circuit: it waits like the calls refused after it
        assertThatThrownBy(() -> call(down))
                .isInstanceOf(IdSystemUnavailableException.class)
                .satisfies(failure ->
                        assertThat(CircuitOpenException.isIn(failure)).isTrue());
        assertThat(calls.state(OutsideCalls.IDENTITY)).isEqualTo("OPEN");

        assertThatThrownBy(() -> call(null))
                .isInstanceOf(IdSystemUnavailableException.class)
                .satisfies(failure ->
                        assertThat(CircuitOpenException.isIn(failure)).isTrue());
        assertThat(made).hasValue(4);
        assertThat(calls.state(OutsideCalls.FUNDING))
                .as("each system has its own breaker")
                .isEqualTo("CLOSED");
    }

    @Test
    void refusalsSayNothingOfTheSystemsHealth() {
        IdVerificationRejectedException refused = new IdVerificationRejectedException("unknown identifier");
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> call(refused)).isSameAs(refused);
        }
        assertThat(calls.state(OutsideCalls.IDENTITY)).isEqualTo("CLOSED");
    }
}

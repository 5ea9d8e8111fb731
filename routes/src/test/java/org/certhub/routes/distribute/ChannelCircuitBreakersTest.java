package org.certhub.routes.distribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.routes.config.CircuitBreakerProperties;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ChannelCircuitBreakersTest {

    private final ChannelCircuitBreakers breakers =
            new ChannelCircuitBreakers(new CircuitBreakerProperties(50, 4, 4, Duration.ofMinutes(5)));
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void aReceiverThatKeepsFailingOpensItsCircuitAndFurtherCallsFailAsTransientWithoutReachingIt() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> breakers.call("sms", this::outage)).isInstanceOf(TransientDeliveryException.class);
        }
        assertThat(breakers.state("sms")).isEqualTo("OPEN");

        assertThatThrownBy(() -> breakers.call("sms", this::outage))
                .isInstanceOf(TransientDeliveryException.class)
                .hasMessageContaining("circuit open");
        assertThat(calls).hasValue(4);
        assertThat(breakers.state("webhook")).isEqualTo("CLOSED");
        assertThat(breakers.call("webhook", () -> "sent")).isEqualTo("sent");
    }

    @Test
    void permanentRefusalsDoNotOpenTheCircuit() {
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> breakers.call("sms", () -> {
                        throw new PermanentDeliveryException("sms: the receiver answered HTTP 422");
                    }))
                    .isInstanceOf(PermanentDeliveryException.class);
        }
        assertThat(breakers.state("sms")).isEqualTo("CLOSED");
    }

    @Test
    void theHubsOwnDatabaseFailingInsideTheCallDoesNotOpenTheReceiversCircuit() {
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> breakers.call("sms", () -> {
                        throw new CannotGetJdbcConnectionException(
                                "Failed to obtain JDBC Connection",
                                new SQLTransientConnectionException(
                                        "HikariPool-1 - Connection is not available, request timed out after 10000ms"));
                    }))
                    .isInstanceOf(CannotGetJdbcConnectionException.class);
        }
        assertThat(breakers.state("sms")).isEqualTo("CLOSED");
    }

    private String outage() {
        calls.incrementAndGet();
        throw new TransientDeliveryException("sms: the receiver answered HTTP 503");
    }
}

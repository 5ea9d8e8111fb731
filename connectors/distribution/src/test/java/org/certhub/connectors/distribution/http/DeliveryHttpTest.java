package org.certhub.connectors.distribution.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.http.CamelForTests;
import org.certhub.connectors.http.OutboundHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryHttpTest {

    @RegisterExtension
    static final CamelForTests CAMEL = new CamelForTests();

    private final DeliveryHttp http = new DeliveryHttp(
            "test",
            new OutboundHttp(
                    CAMEL.context(), "receiver", URI.create("http://localhost/"), null, null, Clock.systemUTC()));

    @ParameterizedTest
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504, 599})
    void retryableStatusesAreTransient(int status) {
        assertThat(http.failure(status))
                .isInstanceOf(TransientDeliveryException.class)
                .hasMessageContaining("HTTP " + status);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 400, 401, 403, 404, 405, 409, 410, 413, 415, 422})
    void statusesNoRetryChangesArePermanent(int status) {
        assertThat(http.failure(status)).isInstanceOf(PermanentDeliveryException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void successfulStatusesPass(int status) {
        http.requireSuccess(status);
    }

    @Test
    void aFailureAboveTwoHundredsThrows() {
        assertThatThrownBy(() -> http.requireSuccess(300)).isInstanceOf(PermanentDeliveryException.class);
        assertThatThrownBy(() -> http.requireSuccess(199)).isInstanceOf(PermanentDeliveryException.class);
    }

    @Test
    void theLedgerForgetsTheOldestKeysBeyondItsCapacity() {
        InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger(2);
        ledger.markDone("a");
        ledger.markDone("b");
        ledger.markDone("c");

        assertThat(ledger.isDone("a")).isFalse();
        assertThat(ledger.isDone("b")).isTrue();
        assertThat(ledger.isDone("c")).isTrue();
    }

    @Test
    void onlyPlainTokensAreDeliveryIds() {
        assertThat(HeaderValues.isToken("cert-1:sms.v2_~")).isTrue();
        assertThat(HeaderValues.isToken("../etc")).isFalse();
        assertThat(HeaderValues.isToken("a b")).isFalse();
        assertThat(HeaderValues.isToken("a\nb")).isFalse();
        assertThat(HeaderValues.isToken("x".repeat(129))).isFalse();
        assertThat(HeaderValues.isToken("")).isFalse();
    }
}

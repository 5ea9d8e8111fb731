package org.certhub.connectors.payment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.HttpSettings;
import org.certhub.connectors.http.Secret;
import org.junit.jupiter.api.Test;

class RestPaymentGatewaySettingsTest {

    private static final HttpSettings HTTP = new HttpSettings(
            URI.create("https://payer.example.org/claims"), null, Duration.ofSeconds(2), Duration.ofSeconds(5));
    private static final String BODY = "{\"claimId\": {{eventId}}}";

    @Test
    void fillsInDefaults() {
        RestPaymentGatewaySettings settings = new RestPaymentGatewaySettings(
                HTTP, null, BODY, null, null, "$.status", null, null, null, null, null, null);

        assertThat(settings.method()).isEqualTo("POST");
        assertThat(settings.idempotencyHeader()).isEqualTo("Idempotency-Key");
        assertThat(settings.pendingValues()).contains("pending");
        assertThat(settings.declinedStatuses()).containsExactly(402);
    }

    @Test
    void rejectsAmbiguousOrInvalidRules() {
        assertThatThrownBy(() -> new RestPaymentGatewaySettings(
                        HTTP, "POST", BODY, null, null, "$.status", Set.of("OK"), Set.of("ok"), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two outcomes");
        assertThatThrownBy(() -> new RestPaymentGatewaySettings(
                        HTTP, "POST", BODY, null, null, "$[?(@.a", null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestPaymentGatewaySettings(
                        HTTP, "POST", BODY, null, null, "$.status", null, null, null, null, null, Set.of(503)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestPaymentGatewaySettings(
                        HTTP, "POST", BODY, null, "Idempotency Key", "$.status", null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestPaymentGatewaySettings(
                        HTTP, "POST", BODY, null, "Content-Length", "$.status", null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestPaymentGatewaySettings(
                        HTTP, "POST", "{\"n\": {{name}}}", null, null, "$.status", null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hidesTheClientSecret() {
        HttpAuth oauth = new HttpAuth.ClientCredentials(
                URI.create("https://auth.example.org/token"), "certhub", Secret.of("payer-client-secret"), "claims");
        RestPaymentGatewaySettings settings = new RestPaymentGatewaySettings(
                new HttpSettings(HTTP.url(), oauth, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "POST",
                BODY,
                null,
                null,
                "$.status",
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(settings.toString()).contains("certhub").doesNotContain("payer-client-secret");
    }
}

package org.certhub.routes.wiring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.certhub.connectors.payment.rest.RestPaymentGatewaySettings;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.connectors.payment.*}: who pays for a dose ({@code provider}: government, rest or the name of an
 * adapter on {@code loader.path}).
 *
 * @param reconcileInterval the time between two reconciliation runs over pending payments, and before the first
 *                          (ISO-8601, e.g. {@code PT15M})
 */
@Validated
@ConfigurationProperties("certhub.connectors.payment")
public record PaymentConnectorProperties(
        @DefaultValue("government") @Pattern(regexp = "[a-z][a-z0-9-]*")
        String provider,

        @DefaultValue("PT15M") @NotNull @DurationMin(millis = 1)
        Duration reconcileInterval,

        @Valid Rest rest) {

    public record Rest(
            @Valid ConnectorHttp http,
            String method,
            String bodyTemplate,
            Map<String, String> queryParameters,
            String idempotencyHeader,
            String statusPath,
            Set<String> fundedValues,
            Set<String> paidValues,
            Set<String> pendingValues,
            Set<String> declinedValues,
            String referencePath,
            Set<Integer> declinedStatuses) {

        public RestPaymentGatewaySettings settings() {
            if (http == null) {
                throw new IllegalStateException(
                        "certhub.connectors.payment.rest.http.url is required for the rest payment gateway");
            }
            return new RestPaymentGatewaySettings(
                    http.settings("certhub.connectors.payment.rest.http"),
                    method,
                    bodyTemplate,
                    queryParameters,
                    idempotencyHeader,
                    statusPath,
                    fundedValues,
                    paidValues,
                    pendingValues,
                    declinedValues,
                    referencePath,
                    declinedStatuses);
        }
    }
}

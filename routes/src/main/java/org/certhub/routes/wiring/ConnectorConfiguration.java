package org.certhub.routes.wiring;

import java.time.Clock;
import org.certhub.connectors.id.none.NoIdVerifier;
import org.certhub.connectors.id.rest.RestIdVerifier;
import org.certhub.connectors.id.spi.IdVerifier;
import org.certhub.connectors.payment.audit.AuditSink;
import org.certhub.connectors.payment.government.GovernmentFundingGateway;
import org.certhub.connectors.payment.rest.RestPaymentGateway;
import org.certhub.connectors.payment.spi.PaymentGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The identity check and the funding decision certification consults: one adapter of each, chosen by
 * {@code certhub.connectors.id.provider} and {@code certhub.connectors.payment.provider}.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorConfiguration {

    @Bean
    IdVerifier idVerifier(IdConnectorProperties properties, Clock clock) {
        return switch (properties.provider()) {
            case RestIdVerifier.NAME -> new RestIdVerifier(requireRest(properties.rest(), "id").settings(), clock);
            default -> new NoIdVerifier();
        };
    }

    @Bean
    PaymentGateway paymentGateway(PaymentConnectorProperties properties, AuditSink audit, Clock clock) {
        return switch (properties.provider()) {
            case RestPaymentGateway.NAME -> new RestPaymentGateway(requireRest(properties.rest(), "payment").settings(), audit, clock);
            default -> new GovernmentFundingGateway(audit, clock);
        };
    }

    private static <T> T requireRest(T rest, String kind) {
        if (rest == null) {
            throw new IllegalStateException("certhub.connectors." + kind + ".provider is rest but certhub.connectors." + kind
                    + ".rest.* is not configured");
        }
        return rest;
    }
}

package org.certhub.routes.wiring;

import java.time.Clock;
import org.apache.camel.CamelContext;
import org.certhub.connectors.distribution.digilocker.DigiLockerPushDistributor;
import org.certhub.connectors.distribution.http.DeliveryLedger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The locker push channel ({@code certhub.channels.digilocker.enabled}, off by default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "certhub.channels.digilocker.enabled", havingValue = "true")
@EnableConfigurationProperties(DigiLockerProperties.class)
public class DigiLockerChannelConfiguration {

    @Bean
    DigiLockerPushDistributor digiLockerPushDistributor(
            DigiLockerProperties properties, DeliveryLedger ledger, Clock clock, CamelContext camel) {
        return new DigiLockerPushDistributor(properties.pushSettings(), ledger, clock, camel);
    }
}

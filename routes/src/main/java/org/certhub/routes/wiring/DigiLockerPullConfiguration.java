package org.certhub.routes.wiring;

import java.time.Clock;
import org.certhub.connectors.distribution.digilocker.DigiLockerDocumentLookup;
import org.certhub.connectors.distribution.digilocker.DigiLockerPullService;
import org.certhub.render.CertificateDocument;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** DigiLocker's pull endpoints ({@code certhub.channels.digilocker.pull.enabled}, off by default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "certhub.channels.digilocker.pull.enabled", havingValue = "true")
@EnableConfigurationProperties(DigiLockerProperties.class)
public class DigiLockerPullConfiguration {

    @Bean
    DigiLockerPullService digiLockerPullService(
            DigiLockerProperties properties,
            DigiLockerDocumentLookup lookup,
            CertificateDocument document,
            Clock clock) {
        return new DigiLockerPullService(properties.pullSettings(), lookup, document, clock);
    }
}

package org.certhub.routes.wiring;

import java.time.Clock;
import org.certhub.connectors.distribution.print.PrintBatchDistributor;
import org.certhub.render.CertificateDocument;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The print channel ({@code certhub.channels.print.enabled}, off by default): PDFs and an index per facility and
 * period; {@link org.certhub.routes.distribute.ClosePrintBatchesRoute} closes the batches whose period ended.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "certhub.channels.print.enabled", havingValue = "true")
@EnableConfigurationProperties(PrintChannelProperties.class)
public class PrintChannelConfiguration {

    @Bean
    PrintBatchDistributor printBatchDistributor(
            PrintChannelProperties properties, CertificateDocument document, Clock clock) {
        return new PrintBatchDistributor(properties.settings(), document, clock);
    }
}

package org.certhub.routes.wiring;

import java.time.Clock;
import org.apache.camel.CamelContext;
import org.certhub.connectors.distribution.http.DeliveryLedger;
import org.certhub.connectors.distribution.webhook.WebhookDistributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook channel ({@code certhub.channels.webhook.enabled}, off by default): signed JSON events per subscriber. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "certhub.channels.webhook.enabled", havingValue = "true")
@EnableConfigurationProperties(WebhookChannelProperties.class)
public class WebhookChannelConfiguration {

    @Bean
    WebhookDistributor webhookDistributor(
            WebhookChannelProperties properties, DeliveryLedger ledger, Clock clock, CamelContext camel) {
        return new WebhookDistributor(properties.settings(), ledger, clock, camel);
    }
}

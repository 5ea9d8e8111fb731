package org.certhub.routes.wiring;

import org.apache.camel.CamelContext;
import org.certhub.connectors.distribution.http.DeliveryLedger;
import org.certhub.connectors.distribution.sms.SmsDistributor;
import org.certhub.render.Templates;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS channel ({@code certhub.channels.sms.enabled}, off by default): a link and code by an HTTP gateway, the
 * text from the message bundles of the recipient's language ({@code sms.text}, {@code sms.textWithCode}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "certhub.channels.sms.enabled", havingValue = "true")
@EnableConfigurationProperties(SmsChannelProperties.class)
public class SmsChannelConfiguration {

    @Bean
    SmsDistributor smsDistributor(
            SmsChannelProperties properties, Templates templates, DeliveryLedger ledger, CamelContext camel) {
        return new SmsDistributor(properties.settings(), templates.messages(), ledger, camel);
    }
}

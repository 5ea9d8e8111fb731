package org.certhub.routes.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.apache.camel.CamelContext;
import org.certhub.connectors.distribution.email.EmailDistributor;
import org.certhub.connectors.distribution.email.EmailSettings;
import org.certhub.connectors.distribution.email.MailTransport;
import org.certhub.connectors.distribution.email.OutboxMailTransport;
import org.certhub.connectors.distribution.email.SmtpMailTransport;
import org.certhub.connectors.distribution.email.SmtpSecurity;
import org.certhub.connectors.distribution.email.SmtpSettings;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.render.CertificateDocument;
import org.certhub.render.Templates;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.config.MailProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The email channel ({@code certhub.channels.email.enabled}): SMTP when a host is configured, else the outbox folder. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "certhub.channels.email.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EmailChannelProperties.class)
public class EmailChannelConfiguration {

    @Bean
    MailTransport mailTransport(MailProperties mail, CerthubProperties properties, CamelContext camel) {
        if (!mail.smtpConfigured()) {
            return new OutboxMailTransport(properties.dataDir().resolve("outbox"));
        }
        SmtpSecurity security = switch (mail.security().toLowerCase(Locale.ROOT)) {
            case "smtps" -> SmtpSecurity.SMTPS;
            case "none" -> SmtpSecurity.PLAIN;
            default -> SmtpSecurity.STARTTLS;
        };
        return new SmtpMailTransport(
                new SmtpSettings(
                        mail.host(),
                        mail.port(),
                        mail.username(),
                        mail.password(),
                        security,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30)),
                camel);
    }

    /** With {@code certhub.channels.email.attach-smart-health-card}, also attaches the {@code .smart-health-card} file. */
    @Bean
    CertificateDistributor emailDistributor(
            MailProperties mail,
            Templates templates,
            CertificateDocument document,
            MailTransport transport,
            Clock clock,
            EmailChannelProperties channel) {
        return new EmailDistributor(
                new EmailSettings(mail.from(), channel.attachSmartHealthCard(), null),
                templates,
                document,
                transport,
                clock);
    }
}

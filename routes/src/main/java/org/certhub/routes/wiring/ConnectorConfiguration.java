package org.certhub.routes.wiring;

import java.time.Clock;
import java.util.Optional;
import org.certhub.connectors.distribution.email.MailTransport;
import org.certhub.connectors.id.otp.OtpIdVerifier;
import org.certhub.connectors.id.otp.OtpService;
import org.certhub.connectors.id.otp.OtpStore;
import org.certhub.connectors.id.none.NoIdVerifier;
import org.certhub.connectors.id.rest.RestIdVerifier;
import org.certhub.connectors.id.spi.IdVerifier;
import org.certhub.connectors.payment.audit.AuditSink;
import org.certhub.connectors.payment.government.GovernmentFundingGateway;
import org.certhub.connectors.payment.rest.RestPaymentGateway;
import org.certhub.connectors.payment.spi.PaymentGateway;
import org.certhub.routes.config.MailProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The identity check and the funding decision certification consults: one adapter of each, chosen by
 * {@code certhub.connectors.id.provider} and {@code certhub.connectors.payment.provider}.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorConfiguration {

    @Bean
    IdVerifier idVerifier(IdConnectorProperties properties, Clock clock, OtpStore otpStore,
                          ObjectProvider<MailTransport> mail, MailProperties mailProperties,
                          ObjectProvider<SmsChannelProperties> sms) {
        return switch (properties.provider()) {
            case RestIdVerifier.NAME -> new RestIdVerifier(requireSection(properties.rest(), "id", "rest").settings(), clock);
            case OtpIdVerifier.NAME -> {
                IdConnectorProperties.Otp otp = requireSection(properties.otp(), "id", "otp");
                ChannelOtpSender sender = new ChannelOtpSender(Optional.ofNullable(mail.getIfAvailable()), mailProperties.from(),
                        Optional.ofNullable(sms.getIfAvailable()).map(SmsChannelProperties::settings));
                yield new OtpIdVerifier(new OtpService(otp.settings(), otpStore, sender, clock), otp.channel());
            }
            default -> new NoIdVerifier();
        };
    }

    @Bean
    PaymentGateway paymentGateway(PaymentConnectorProperties properties, AuditSink audit, Clock clock) {
        return switch (properties.provider()) {
            case RestPaymentGateway.NAME -> new RestPaymentGateway(requireSection(properties.rest(), "payment", "rest").settings(), audit, clock);
            default -> new GovernmentFundingGateway(audit, clock);
        };
    }

    private static <T> T requireSection(T section, String kind, String provider) {
        if (section == null) {
            throw new IllegalStateException("certhub.connectors." + kind + ".provider is " + provider + " but certhub.connectors."
                    + kind + "." + provider + ".* is not configured");
        }
        return section;
    }
}

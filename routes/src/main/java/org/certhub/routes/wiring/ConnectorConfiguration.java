package org.certhub.routes.wiring;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.certhub.connectors.distribution.email.MailTransport;
import org.certhub.connectors.distribution.sms.SmsDistributor;
import org.certhub.connectors.id.none.NoIdVerifier;
import org.certhub.connectors.id.otp.OtpIdVerifier;
import org.certhub.connectors.id.otp.OtpService;
import org.certhub.connectors.id.otp.OtpStore;
import org.certhub.connectors.id.rest.RestIdVerifier;
import org.certhub.connectors.id.spi.IdVerifier;
import org.certhub.connectors.payment.audit.AuditSink;
import org.certhub.connectors.payment.government.GovernmentFundingGateway;
import org.certhub.connectors.payment.rest.RestPaymentGateway;
import org.certhub.connectors.payment.spi.PaymentGateway;
import org.certhub.routes.config.MailProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The identity check and the funding decision certification consults: of the {@link IdVerifier} and
 * {@link PaymentGateway} beans present, the one whose {@code name()} is {@code certhub.connectors.id.provider},
 * respectively {@code certhub.connectors.payment.provider}. The hub's adapters that need settings are built only
 * when chosen; an adapter of your own is a bean of a jar on {@code loader.path}.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorConfiguration {

    static final String ID_PROVIDER = "certhub.connectors.id.provider";
    static final String PAYMENT_PROVIDER = "certhub.connectors.payment.provider";

    /** The chosen ID adapter; the list holds every other {@link IdVerifier} bean (Spring leaves this one out). */
    @Bean
    @Primary
    IdVerifier idVerifier(IdConnectorProperties properties, List<IdVerifier> adapters) {
        return NamedAdapters.choose(ID_PROVIDER, properties.provider(), adapters, IdVerifier::name);
    }

    @Bean
    NoIdVerifier noIdVerifier() {
        return new NoIdVerifier();
    }

    @Bean
    @ConditionalOnProperty(name = ID_PROVIDER, havingValue = RestIdVerifier.NAME)
    RestIdVerifier restIdVerifier(IdConnectorProperties properties, CamelContext camel, Clock clock) {
        return new RestIdVerifier(
                requireSection(properties.rest(), "id", RestIdVerifier.NAME).settings(), camel, clock);
    }

    @Bean
    @ConditionalOnProperty(name = ID_PROVIDER, havingValue = OtpIdVerifier.NAME)
    OtpIdVerifier otpIdVerifier(
            IdConnectorProperties properties,
            Clock clock,
            OtpStore otpStore,
            ObjectProvider<MailTransport> mail,
            MailProperties mailProperties,
            ObjectProvider<SmsDistributor> sms) {
        IdConnectorProperties.Otp otp = requireSection(properties.otp(), "id", OtpIdVerifier.NAME);
        ChannelOtpSender sender = new ChannelOtpSender(
                Optional.ofNullable(mail.getIfAvailable()),
                mailProperties.from(),
                Optional.ofNullable(sms.getIfAvailable()));
        return new OtpIdVerifier(new OtpService(otp.settings(), otpStore, sender, clock), otp.channel());
    }

    /** The chosen funding adapter; the list holds every other {@link PaymentGateway} bean (Spring leaves this one out). */
    @Bean
    @Primary
    PaymentGateway paymentGateway(PaymentConnectorProperties properties, List<PaymentGateway> adapters) {
        return NamedAdapters.choose(PAYMENT_PROVIDER, properties.provider(), adapters, PaymentGateway::name);
    }

    @Bean
    GovernmentFundingGateway governmentFundingGateway(AuditSink audit, Clock clock) {
        return new GovernmentFundingGateway(audit, clock);
    }

    @Bean
    @ConditionalOnProperty(name = PAYMENT_PROVIDER, havingValue = RestPaymentGateway.NAME)
    RestPaymentGateway restPaymentGateway(
            PaymentConnectorProperties properties, AuditSink audit, CamelContext camel, Clock clock) {
        return new RestPaymentGateway(
                requireSection(properties.rest(), "payment", RestPaymentGateway.NAME)
                        .settings(),
                audit,
                camel,
                clock);
    }

    private static <T> T requireSection(T section, String kind, String provider) {
        if (section == null) {
            throw new IllegalStateException("certhub.connectors." + kind + ".provider is " + provider
                    + " but certhub.connectors." + kind + "." + provider + ".* is not configured");
        }
        return section;
    }
}

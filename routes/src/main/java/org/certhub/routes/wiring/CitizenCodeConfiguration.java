package org.certhub.routes.wiring;

import java.util.Optional;
import org.certhub.connectors.distribution.email.MailTransport;
import org.certhub.connectors.distribution.sms.SmsDistributor;
import org.certhub.connectors.id.otp.OtpSender;
import org.certhub.routes.config.MailProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Citizens' one-time codes go out over the hub's own email and SMS transports, as the ID check's codes do. */
@Configuration(proxyBeanMethods = false)
public class CitizenCodeConfiguration {

    @Bean
    OtpSender citizenCodeSender(
            ObjectProvider<MailTransport> mail, MailProperties mailProperties, ObjectProvider<SmsDistributor> sms) {
        return new ChannelOtpSender(
                Optional.ofNullable(mail.getIfAvailable()),
                mailProperties.from(),
                Optional.ofNullable(sms.getIfAvailable()));
    }
}

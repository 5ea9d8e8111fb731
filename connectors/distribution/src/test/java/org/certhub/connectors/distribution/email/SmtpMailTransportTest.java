package org.certhub.connectors.distribution.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.http.CamelForTests;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailTransportTest {

    @RegisterExtension
    static final CamelForTests CAMEL = new CamelForTests();

    private static final InternetAddress RECIPIENT = address("someone@example.org");

    @Test
    void aRejectedRecipientIsPermanent() {
        SMTPAddressFailedException rejected =
                new SMTPAddressFailedException(RECIPIENT, "RCPT TO", 550, "550 no such user");
        SendFailedException failure = new SendFailedException(
                "Invalid Addresses", rejected, new Address[0], new Address[0], new Address[] {RECIPIENT});

        assertThat(SmtpMailTransport.classify(failure))
                .isInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining("550")
                .hasMessageNotContaining("someone@example.org");
    }

    @Test
    void aDeferredRecipientIsTransient() {
        SMTPAddressFailedException deferred =
                new SMTPAddressFailedException(RECIPIENT, "RCPT TO", 450, "450 mailbox busy");
        SendFailedException failure = new SendFailedException(
                "Invalid Addresses", deferred, new Address[0], new Address[] {RECIPIENT}, new Address[0]);

        assertThat(SmtpMailTransport.classify(failure)).isInstanceOf(TransientDeliveryException.class);
    }

    @Test
    void aRejectedMessageIsPermanentAndADeferredOneTransient() {
        assertThat(SmtpMailTransport.classify(
                        new SMTPSendFailedException("DATA", 554, "554 rejected as spam", null, null, null, null)))
                .isInstanceOf(PermanentDeliveryException.class);
        assertThat(SmtpMailTransport.classify(
                        new SMTPSendFailedException("DATA", 451, "451 try again later", null, null, null, null)))
                .isInstanceOf(TransientDeliveryException.class);
    }

    @Test
    void connectionFailuresTimeoutsAndRefusedLoginsAreTransient() {
        assertThat(SmtpMailTransport.classify(new MailConnectException(new SocketConnectException(
                        "refused", new ConnectException("Connection refused"), "mail", 25, 1000))))
                .isInstanceOf(TransientDeliveryException.class);
        assertThat(SmtpMailTransport.classify(
                        new MessagingException("read", new SocketTimeoutException("Read timed out"))))
                .isInstanceOf(TransientDeliveryException.class);
        assertThat(SmtpMailTransport.classify(new AuthenticationFailedException("535 bad credentials")))
                .isInstanceOf(TransientDeliveryException.class);
    }

    @Test
    void settingsNeverShowThePassword() {
        SmtpSettings settings = SmtpSettings.startTls("smtp.example.org", "certhub", "s3cr3t-p4ss");

        assertThat(settings.toString()).doesNotContain("s3cr3t-p4ss").contains("****", "smtp.example.org", "587");
        assertThat(new SmtpMailTransport(settings, CAMEL.context()).toString()).doesNotContain("s3cr3t-p4ss");
    }

    @Test
    void settingsRejectIncompleteOrImpossibleValues() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new SmtpSettings(" ", 25, null, null, SmtpSecurity.PLAIN, second, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("mail", 0, null, null, SmtpSecurity.PLAIN, second, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("mail", 25, "user", null, SmtpSecurity.PLAIN, second, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("mail", 25, null, "password", SmtpSecurity.PLAIN, second, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("mail", 25, null, null, SmtpSecurity.PLAIN, Duration.ZERO, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SmtpSettings("mail", 25, "", null, SmtpSecurity.PLAIN, second, second).authenticates())
                .isFalse();
    }

    private static InternetAddress address(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

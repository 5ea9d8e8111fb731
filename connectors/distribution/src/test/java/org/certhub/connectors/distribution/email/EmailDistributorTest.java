package org.certhub.connectors.distribution.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.junit.jupiter.api.Test;

class EmailDistributorTest {

    private final List<String> sent = new ArrayList<>();
    private final MailTransport recording = new MailTransport() {
        private final Session session = Session.getInstance(new Properties());

        @Override
        public Session session() {
            return session;
        }

        @Override
        public void send(MimeMessage message, String deliveryId) {
            sent.add(deliveryId);
        }
    };

    private final EmailDistributor distributor = new EmailDistributor(
            new EmailSettings("noreply@health.example", false, "certhub.health.example"),
            EmailFixtures.templates(), EmailFixtures.document(), recording);

    @Test
    void appliesOnlyToRecipientsWithAnEmailAddress() {
        assertThat(distributor.channel()).isEqualTo("email");
        assertThat(distributor.appliesTo(EmailFixtures.request("d1", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH))).isTrue();
        assertThat(distributor.appliesTo(EmailFixtures.request("d1", "Ravi Sharma", null, Locale.ENGLISH))).isFalse();
    }

    @Test
    void aMalformedAddressIsPermanentAndNotRepeatedInTheError() {
        assertThatThrownBy(() -> distributor.deliver(
                EmailFixtures.request("d1", "Ravi Sharma", "ravi@@example..org", Locale.ENGLISH)))
                .isInstanceOf(PermanentDeliveryException.class)
                .hasMessageNotContaining("ravi");
        assertThat(sent).isEmpty();
    }

    @Test
    void leavesTheSmartHealthCardOutUnlessConfigured() throws Exception {
        MimeMessage message = distributor.message(EmailFixtures.request("d1", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH));

        assertThat(EmailDistributorIT.attachments(message)).extracting(part -> part.getFileName())
                .containsExactly("certificate-CERT-7.pdf");
        assertThat(EmailDistributorIT.text(message, "text/plain")).doesNotContain("SMART Health Card");
    }

    @Test
    void derivesTheMessageIdFromTheDeliveryIdAndHashesUnsafeOnes() throws Exception {
        MimeMessage message = distributor.message(EmailFixtures.request("CERT-7:email", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH));

        assertThat(message.getMessageID()).matches("<sha256-[0-9a-f]{64}@certhub\\.health\\.example>")
                .isEqualTo(distributor.messageId("CERT-7:email"));
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    @Test
    void settingsRejectASenderWithoutDomain() {
        assertThatThrownBy(() -> new EmailSettings("noreply")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailSettings("noreply@health.example", false, "bad domain"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new EmailSettings("Certificates <noreply@health.example>").messageIdDomain()).isEqualTo("health.example");
    }
}

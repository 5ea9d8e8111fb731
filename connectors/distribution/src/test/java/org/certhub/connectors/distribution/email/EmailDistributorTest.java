package org.certhub.connectors.distribution.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Locale;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailDistributorTest {

    @TempDir
    Path outboxDir;

    private EmailDistributor distributor;

    @BeforeEach
    void setUp() {
        distributor = new EmailDistributor(
                new EmailSettings("noreply@health.example", false, "certhub.health.example"),
                EmailFixtures.templates(),
                EmailFixtures.document(),
                new OutboxMailTransport(outboxDir));
    }

    @Test
    void appliesOnlyToRecipientsWithAnEmailAddress() {
        assertThat(distributor.channel()).isEqualTo("email");
        assertThat(distributor.appliesTo(
                        EmailFixtures.request("d1", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH)))
                .isTrue();
        assertThat(distributor.appliesTo(EmailFixtures.request("d1", "Ravi Sharma", null, Locale.ENGLISH)))
                .isFalse();
    }

    @Test
    void aMalformedAddressIsPermanentAndNotRepeatedInTheError() {
        assertThatThrownBy(() -> distributor.deliver(
                        EmailFixtures.request("d1", "Ravi Sharma", "ravi@@example..org", Locale.ENGLISH)))
                .isInstanceOf(PermanentDeliveryException.class)
                .hasMessageNotContaining("ravi");
        assertThat(outboxDir).isEmptyDirectory();
    }

    @Test
    void leavesTheSmartHealthCardOutUnlessConfigured() throws Exception {
        MimeMessage message =
                distributor.message(EmailFixtures.request("d1", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH));

        assertThat(EmailDistributorIT.attachments(message))
                .extracting(part -> part.getFileName())
                .containsExactly("certificate-CERT-7.pdf");
        assertThat(EmailDistributorIT.text(message, "text/plain")).doesNotContain("SMART Health Card");
    }

    @Test
    void derivesTheMessageIdFromTheDeliveryIdAndHashesUnsafeOnes() throws Exception {
        MimeMessage message = distributor.message(
                EmailFixtures.request("CERT-7:email", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH));

        assertThat(message.getMessageID())
                .matches("<sha256-[0-9a-f]{64}@certhub\\.health\\.example>")
                .isEqualTo(distributor.messageId("CERT-7:email"));
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    @Test
    void settingsRejectASenderWithoutDomain() {
        assertThatThrownBy(() -> new EmailSettings("noreply")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailSettings("noreply@health.example", false, "bad domain"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new EmailSettings("Certificates <noreply@health.example>").messageIdDomain())
                .isEqualTo("health.example");
    }
}

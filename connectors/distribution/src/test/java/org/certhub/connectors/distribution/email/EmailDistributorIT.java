package org.certhub.connectors.distribution.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.http.CamelForTests;
import org.certhub.signer.qr.QrCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email channel against GreenMail, a real SMTP server in the test's JVM. */
class EmailDistributorIT {

    private static final String USER = "certhub";
    private static final String PASSWORD = "test-password";

    @RegisterExtension
    static final CamelForTests CAMEL = new CamelForTests();

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD))
            .withPerMethodLifecycle(true);

    @Test
    void deliversTheCertificatePdfWhoseQrCodeCarriesTheCredential() throws Exception {
        EmailDistributor distributor = distributor(USER, PASSWORD, false);

        DeliveryReceipt receipt = distributor.deliver(
                EmailFixtures.request("CERT-7.email", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH));

        MimeMessage received = single();
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("ravi@example.org");
        assertThat(received.getFrom())
                .extracting(Object::toString)
                .containsExactly("Certificates <noreply@health.example>");
        assertThat(received.getSubject()).isEqualTo("Your vaccination certificate");
        assertThat(received.getMessageID())
                .isEqualTo("<CERT-7.email@health.example>")
                .isEqualTo(receipt.externalReference());
        assertThat(text(received, "text/plain"))
                .contains("Dear Ravi Sharma,", "Covishield", "1 of 2", "CERT-7", "https://certs.example.org/c/CERT-7")
                .doesNotContain("Z1234567");
        assertThat(text(received, "text/html")).contains("Ravi Sharma", "href=\"https://certs.example.org/c/CERT-7\"");

        List<Part> attachments = attachments(received);
        assertThat(attachments).hasSize(1);
        Part pdfPart = attachments.get(0);
        assertThat(pdfPart.getContentType()).startsWith("application/pdf");
        assertThat(pdfPart.getFileName()).isEqualTo("certificate-CERT-7.pdf");
        byte[] pdf = bytes(pdfPart);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(EmailFixtures.images(pdf))
                .singleElement()
                .satisfies(image -> assertThat(QrCodes.read(image)).contains(EmailFixtures.QR_TEXT));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Ravi Sharma", "CERT-7");
        }
    }

    @Test
    void writesInTheRecipientsLanguageAndAttachesTheSmartHealthCardWhenConfigured() throws Exception {
        EmailDistributor distributor = distributor(USER, PASSWORD, true);

        distributor.deliver(
                EmailFixtures.request("CERT-7.email", "रवि शर्मा", "ravi@example.org", new Locale("hi", "IN")));

        MimeMessage received = single();
        assertThat(received.getSubject()).isEqualTo("आपका टीकाकरण प्रमाणपत्र");
        assertThat(received.getHeader("Content-Language")).containsExactly("hi-IN");
        assertThat(text(received, "text/plain")).contains("प्रिय रवि शर्मा,", "2 में से 1");
        List<Part> attachments = attachments(received);
        assertThat(attachments)
                .extracting(Part::getFileName)
                .containsExactly("certificate-CERT-7.pdf", "certificate.smart-health-card");
        try (PDDocument doc = Loader.loadPDF(bytes(attachments.get(0)))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("टीकाकरण", "नाम");
        }
        Part card = attachments.get(1);
        assertThat(card.getContentType()).startsWith("application/smart-health-card");
        assertThat(new String(bytes(card), StandardCharsets.US_ASCII))
                .isEqualTo("{\"verifiableCredential\":[\"" + EmailFixtures.SHC_JWS + "\"]}");
    }

    @Test
    void aRefusedLoginIsTransient() {
        EmailDistributor distributor = distributor(USER, "wrong-password", false);

        assertThatThrownBy(() -> distributor.deliver(
                        EmailFixtures.request("CERT-7.email", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH)))
                .isInstanceOf(TransientDeliveryException.class)
                .hasMessageContaining("login");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpSettings nowhere = new SmtpSettings(
                "127.0.0.1", closedPort, null, null, SmtpSecurity.PLAIN, Duration.ofSeconds(2), Duration.ofSeconds(2));
        EmailDistributor distributor = new EmailDistributor(
                new EmailSettings("noreply@health.example"),
                EmailFixtures.templates(),
                EmailFixtures.document(),
                new SmtpMailTransport(nowhere, CAMEL.context()));

        assertThatThrownBy(() -> distributor.deliver(
                        EmailFixtures.request("CERT-7.email", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH)))
                .isInstanceOf(TransientDeliveryException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void aResendCarriesTheSameMessageId() throws Exception {
        EmailDistributor distributor = distributor(USER, PASSWORD, false);

        distributor.deliver(EmailFixtures.request("CERT-7.email", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH));
        distributor.deliver(EmailFixtures.request("CERT-7.email", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH));

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID());
    }

    private static EmailDistributor distributor(String user, String password, boolean attachSmartHealthCard) {
        SmtpSettings smtp = new SmtpSettings(
                "127.0.0.1",
                GREEN_MAIL.getSmtp().getPort(),
                user,
                password,
                SmtpSecurity.PLAIN,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        return new EmailDistributor(
                new EmailSettings("Certificates <noreply@health.example>", attachSmartHealthCard, null),
                EmailFixtures.templates(),
                EmailFixtures.document(),
                new SmtpMailTransport(smtp, CAMEL.context()));
    }

    private static MimeMessage single() {
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    static String text(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i), type);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    static List<Part> attachments(Part message) throws MessagingException, IOException {
        List<Part> attachments = new ArrayList<>();
        Multipart mixed = (Multipart) message.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.add(part);
            }
        }
        return attachments;
    }

    static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}

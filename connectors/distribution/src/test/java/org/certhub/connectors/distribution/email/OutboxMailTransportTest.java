package org.certhub.connectors.distribution.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailTransportTest {

    @TempDir
    Path dataDir;

    @Test
    void writesOneParseableEmlPerDeliveryAndAResendReplacesIt() throws Exception {
        Path outbox = dataDir.resolve("outbox");
        OutboxMailTransport transport = new OutboxMailTransport(outbox);
        EmailDistributor distributor = new EmailDistributor(
                new EmailSettings("noreply@health.example"),
                EmailFixtures.templates(),
                EmailFixtures.document(),
                transport);

        DeliveryReceipt first = distributor.deliver(
                EmailFixtures.request("CERT-7.email", "Ravi Sharma", "ravi@example.org", Locale.ENGLISH));
        DeliveryReceipt again = distributor.deliver(
                EmailFixtures.request("CERT-7.email", "Ravi Sharma", "ravi@example.org", Locale.FRENCH));

        assertThat(files(outbox)).containsExactly(outbox.resolve("CERT-7.email.eml"));
        assertThat(again).isEqualTo(first);
        MimeMessage written = read(outbox.resolve("CERT-7.email.eml"));
        assertThat(written.getMessageID()).isEqualTo("<CERT-7.email@health.example>");
        assertThat(written.getSubject()).isEqualTo("Votre certificat de vaccination");
        assertThat(EmailDistributorIT.attachments(written))
                .singleElement()
                .satisfies(pdf -> assertThat(EmailFixtures.images(EmailDistributorIT.bytes(pdf)))
                        .hasSize(1));
    }

    @Test
    void aDeliveryIdNeverLeavesTheOutbox() throws IOException {
        Path outbox = dataDir.resolve("outbox");
        OutboxMailTransport transport = new OutboxMailTransport(outbox);

        for (String hostile :
                List.of("../../etc/cron.d/x", "/tmp/x", "..", ".hidden", "a\\b", "a\u0000b", "x".repeat(300))) {
            Path file = transport.fileOf(hostile);
            assertThat(file.getParent()).as(hostile).isEqualTo(outbox.toAbsolutePath());
            assertThat(file.getFileName().toString()).as(hostile).matches("sha256-[0-9a-f]{64}\\.eml");
        }
        assertThat(transport.fileOf("../x")).isNotEqualTo(transport.fileOf("..-x"));
    }

    private static List<Path> files(Path outbox) throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.toList();
        }
    }

    private static MimeMessage read(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}

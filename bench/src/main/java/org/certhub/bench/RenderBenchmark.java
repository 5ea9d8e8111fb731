package org.certhub.bench;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.certhub.connectors.distribution.email.EmailDistributor;
import org.certhub.connectors.distribution.email.EmailSettings;
import org.certhub.connectors.distribution.email.MailTransport;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.model.Address;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.ContactPoint;
import org.certhub.model.Facility;
import org.certhub.model.Gender;
import org.certhub.model.Identifier;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.certhub.render.ConfigSource;
import org.certhub.render.PdfCertificateDocument;
import org.certhub.render.Templates;
import org.certhub.signer.SignedCredential;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Milliseconds per certificate PDF (template, QR code, layout, fonts) and per certificate email (the PDF plus
 * both bodies, composed and encoded as it goes on the wire; the SMTP round trip is not included).
 * Run from the repository root: {@code java -jar bench/target/certhub-bench.jar Render}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RenderBenchmark {

    /** A typical EU DCC QR text (about 550 characters). */
    private static final String QR_TEXT =
            "HC1:" + "6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4".repeat(8);

    /** The repository's config/ folder (templates and message bundles). */
    @Param("config")
    public String configDir;

    @Param({"en", "hi"})
    public String language;

    /** The bundled template's QR code as a PNG image, or the same template drawing it as vector modules. */
    @Param({"png", "vector"})
    public String qr;

    private PdfCertificateDocument document;
    private EmailDistributor email;
    private Certificate certificate;
    private SignedCredential credential;
    private DeliveryRequest request;
    private Locale locale;

    @Setup
    public void setUp() {
        ConfigSource config =
                ConfigSource.firstOf(ConfigSource.directory(Path.of(configDir)), ConfigSource.classpath());
        Templates templates = Templates.from(qr.equals("vector") ? ConfigSource.firstOf(vectorQr(), config) : config);
        document = new PdfCertificateDocument(templates);
        email = new EmailDistributor(
                new EmailSettings("noreply@health.example"), templates, document, new EncodingTransport());
        locale = new Locale(language);
        certificate = certificate(language.equals("hi") ? "सुनीता देवी" : "Sunita Devi");
        credential = new SignedCredential("eu-dcc", "bench-key", QR_TEXT, "text/plain", QR_TEXT);
        request = new DeliveryRequest(
                "CERT-BENCH.email",
                certificate,
                Map.of("eu-dcc", credential),
                "eu-dcc",
                "https://certs.example.org/c/CERT-BENCH",
                locale);
    }

    /** The bundled certificate template with {@code <object type="application/x-certhub-qr">} for its image. */
    private ConfigSource vectorQr() {
        try {
            Path folder = Files.createTempDirectory("certhub-bench-templates");
            Files.createDirectories(folder.resolve("templates"));
            String bundled = Files.readString(Path.of(configDir, "templates", "certificate.hbs"));
            String vector = bundled.replace(
                    "<img src=\"{{qr}}\" alt=\"{{t \"qr.alt\"}}\"/>",
                    "<object type=\"application/x-certhub-qr\" alt=\"{{t \"qr.alt\"}}\" "
                            + "style=\"display: block; width: 64mm; height: 64mm\"></object>");
            if (vector.equals(bundled)) {
                throw new IllegalStateException("the bundled template no longer places the QR code with <img>");
            }
            Files.writeString(folder.resolve("templates/certificate.hbs"), vector);
            folder.toFile().deleteOnExit();
            folder.resolve("templates").toFile().deleteOnExit();
            folder.resolve("templates/certificate.hbs").toFile().deleteOnExit();
            return ConfigSource.directory(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public byte[] pdf() {
        return document.pdf(certificate, credential, locale);
    }

    @Benchmark
    public DeliveryReceipt email() {
        return email.deliver(request);
    }

    private static Certificate certificate(String name) {
        Recipient recipient = new Recipient(
                new PersonName(List.of(), null, name),
                new PartialDate("1979-03-30"),
                Gender.FEMALE,
                List.of(new Identifier(Identifier.IdentifierType.NATIONAL_ID, null, "998877665544")),
                List.of(new ContactPoint(ContactPoint.Channel.EMAIL, "sunita@example.org")),
                Address.ofCountry("IN"),
                "IN");
        Vaccination vaccination = new Vaccination(
                new Code("http://snomed.info/sct", "1119305005", "COVID-19 antigen vaccine"),
                new Code(null, "Covaxin", "Covaxin"),
                new Code(null, "Bharat Biotech", "Bharat Biotech"),
                new Code("http://snomed.info/sct", "840539006", "COVID-19"),
                "BB21042",
                LocalDate.of(2021, 6, 20),
                2,
                2,
                "IN",
                null);
        VaccinationEvent event = new VaccinationEvent(
                "bench",
                "bench-1",
                null,
                "covid-19",
                recipient,
                vaccination,
                new Facility("F-1", "District Hospital Nagpur", null),
                null);
        return new Certificate("CERT-BENCH", 1, null, "evt-bench", event, Instant.parse("2021-06-21T09:00:00Z"));
    }

    /** Encodes each message as for SMTP (MIME, base64 attachments) and discards the bytes. */
    private static final class EncodingTransport implements MailTransport {

        private final Session session = Session.getInstance(new Properties());

        @Override
        public Session session() {
            return session;
        }

        @Override
        public void send(MimeMessage message, String deliveryId) {
            try {
                message.writeTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

package org.certhub.connectors.distribution.email;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.certhub.connectors.distribution.document.SmartHealthCardFile;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.model.ContactPoint;
import org.certhub.model.Recipient;
import org.certhub.render.CertificateDocument;
import org.certhub.render.CertificateView;
import org.certhub.render.Templates;
import org.certhub.signer.SignedCredential;

/**
 * The {@code email} channel: a message to the recipient's email address with an HTML and a plain-text body
 * ({@code templates/email/body.html.hbs}, {@code templates/email/body.txt.hbs}, texts {@code email.*} in the
 * recipient's language), the certificate PDF attached and, when configured and issued, the SMART Health Card
 * file. The Message-ID derives from the delivery id, so a resend after a crash is the same message to the
 * recipient's mail system. The body shows the name, the vaccine, the dose, its date and the certificate id;
 * nothing more personal.
 */
public final class EmailDistributor implements CertificateDistributor {

    public static final String CHANNEL = "email";
    static final String SMART_HEALTH_CARD_TYPE = SmartHealthCardFile.MEDIA_TYPE;
    static final String HTML_TEMPLATE = "email/body.html";
    static final String TEXT_TEMPLATE = "email/body.txt";

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    private final EmailSettings settings;
    private final Templates templates;
    private final CertificateDocument document;
    private final MailTransport transport;
    private final Clock clock;

    /**
     * @param templates the templates and texts of the email (the same {@code config/} as the PDF's)
     * @param document  renders the attached PDF
     * @param transport SMTP or the outbox folder
     */
    public EmailDistributor(
            EmailSettings settings,
            Templates templates,
            CertificateDocument document,
            MailTransport transport,
            Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.document = Objects.requireNonNull(document, "document");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public EmailDistributor(
            EmailSettings settings, Templates templates, CertificateDocument document, MailTransport transport) {
        this(settings, templates, document, transport, Clock.systemUTC());
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean appliesTo(DeliveryRequest request) {
        return request.certificate()
                .recipient()
                .contact(ContactPoint.Channel.EMAIL)
                .filter(address -> !address.isBlank())
                .isPresent();
    }

    @Override
    public DeliveryReceipt deliver(DeliveryRequest request) {
        MimeMessage message = message(request);
        transport.send(message, request.deliveryId());
        return new DeliveryReceipt(messageId(request.deliveryId()));
    }

    /** The email for the request, complete with its Message-ID, as it would be sent. */
    public MimeMessage message(DeliveryRequest request) {
        InternetAddress to = recipientAddress(request.certificate().recipient());
        Locale locale = request.locale();
        SignedCredential primary = request.primaryCredential();
        Optional<SignedCredential> smartHealthCard = settings.attachSmartHealthCard()
                ? Optional.ofNullable(request.credentials().get("shc"))
                : Optional.empty();

        Map<String, Object> model =
                new LinkedHashMap<>(CertificateView.of(request.certificate(), templates.messages(), locale));
        if (request.downloadUrl() != null && !request.downloadUrl().isBlank()) {
            model.put("downloadUrl", request.downloadUrl());
        }
        model.put("smartHealthCard", smartHealthCard.isPresent());

        try {
            MimeMessage message = new FixedIdMimeMessage(transport.session(), messageId(request.deliveryId()));
            message.setFrom(settings.fromAddress());
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(oneLine(templates.messages().text(locale, "email.subject")), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Content-Language", String.valueOf(model.get("lang")));
            message.setHeader("Auto-Submitted", "auto-generated");

            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(bodies(
                    templates.apply(TEXT_TEMPLATE, locale, model), templates.apply(HTML_TEMPLATE, locale, model)));
            mixed.addBodyPart(attachment(
                    document.pdf(request.certificate(), primary, locale),
                    "application/pdf",
                    "certificate-" + DeliveryIds.token(request.certificate().id()) + ".pdf"));
            if (smartHealthCard.isPresent()) {
                mixed.addBodyPart(attachment(
                        SmartHealthCardFile.of(smartHealthCard.get()),
                        SMART_HEALTH_CARD_TYPE,
                        "certificate.smart-health-card"));
            }
            message.setContent(mixed);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot compose the certificate email", e);
        }
    }

    /** {@code <token@domain>}: the same for every attempt of one delivery. */
    String messageId(String deliveryId) {
        return "<" + DeliveryIds.token(deliveryId) + "@" + settings.messageIdDomain() + ">";
    }

    private static InternetAddress recipientAddress(Recipient recipient) {
        String address = recipient
                .contact(ContactPoint.Channel.EMAIL)
                .orElseThrow(() -> new PermanentDeliveryException("the recipient has no email address"));
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (parsed.getAddress().indexOf('@') < 1 || parsed.isGroup()) {
                throw new PermanentDeliveryException("the recipient's email address is not a mailbox");
            }
            return parsed;
        } catch (AddressException e) {
            // the address itself stays out of the message: it is personal data
            throw new PermanentDeliveryException("the recipient's email address is malformed");
        }
    }

    private static MimeBodyPart bodies(String text, String html) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8", "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(alternative);
        return part;
    }

    private static MimeBodyPart attachment(byte[] content, String type, String fileName) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setDisposition(Part.ATTACHMENT);
        part.setFileName(fileName);
        return part;
    }

    private static String oneLine(String text) {
        return LINE_BREAKS.matcher(text).replaceAll(" ").trim();
    }

    /** Keeps the Message-ID given instead of generating a random one on {@link #saveChanges()}. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

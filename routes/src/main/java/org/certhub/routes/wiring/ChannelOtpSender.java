package org.certhub.routes.wiring;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certhub.connectors.distribution.email.MailTransport;
import org.certhub.connectors.distribution.http.DeliveryHttp;
import org.certhub.connectors.distribution.sms.SmsBodyFormat;
import org.certhub.connectors.distribution.sms.SmsSettings;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.id.otp.OtpMessage;
import org.certhub.connectors.id.otp.OtpSender;
import org.certhub.connectors.id.spi.IdSystemUnavailableException;
import org.certhub.connectors.id.spi.IdVerificationRejectedException;

/**
 * Sends one-time codes over the hub's own delivery transports: email through the email channel's
 * {@link MailTransport}, SMS through the SMS channel's gateway (its URL, method, authentication and body
 * template). A transport outage is an ID-system outage (retried); a refused address is permanent.
 */
public final class ChannelOtpSender implements OtpSender {

    private static final Pattern BODY_PLACEHOLDER = Pattern.compile("\\{(to|message|deliveryId)\\}");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().-]");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Optional<MailTransport> mail;
    private final String mailFrom;
    private final Optional<SmsSettings> sms;

    public ChannelOtpSender(Optional<MailTransport> mail, String mailFrom, Optional<SmsSettings> sms) {
        this.mail = mail;
        this.mailFrom = mailFrom;
        this.sms = sms;
    }

    @Override
    public void send(OtpMessage message) {
        String text = "Your certhub verification code is " + message.code() + ". It is valid until "
                + TIME.format(message.expiresAt()) + ".";
        String sendId =
                "otp-" + message.challengeId() + "-" + message.expiresAt().toEpochMilli();
        try {
            switch (message.channel()) {
                case EMAIL -> email(message.address(), text, sendId);
                case PHONE -> sms(message.address(), text, sendId);
            }
        } catch (TransientDeliveryException outage) {
            throw new IdSystemUnavailableException("one-time code: " + outage.getMessage(), outage);
        } catch (PermanentDeliveryException refused) {
            throw new IdVerificationRejectedException("one-time code: " + refused.getMessage(), refused);
        }
    }

    private void email(String address, String text, String sendId) {
        MailTransport transport = mail.orElseThrow(
                () -> new IdVerificationRejectedException("one-time codes by email need the email channel enabled"));
        try {
            MimeMessage mime = new MimeMessage(transport.session());
            mime.setFrom(new InternetAddress(mailFrom, true));
            mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(address, true));
            mime.setSubject("Your verification code", StandardCharsets.UTF_8.name());
            mime.setText(text, StandardCharsets.UTF_8.name());
            transport.send(mime, sendId);
        } catch (MessagingException e) {
            throw new IdVerificationRejectedException("one-time code: the email address is not usable", e);
        }
    }

    private void sms(String address, String text, String sendId) {
        SmsSettings settings = sms.orElseThrow(
                () -> new IdVerificationRejectedException("one-time codes by SMS need the sms channel enabled"));
        String to = PHONE_PUNCTUATION.matcher(address.trim()).replaceAll("").replaceFirst("^tel:", "");
        if (!PHONE.matcher(to).matches()) {
            throw new IdVerificationRejectedException("one-time code: the phone number is not a number");
        }
        Map<String, String> values = Map.of("to", to, "message", text, "deliveryId", sendId);
        String body = BODY_PLACEHOLDER
                .matcher(settings.bodyTemplate())
                .replaceAll(
                        match -> Matcher.quoteReplacement(escape(settings.bodyFormat(), values.get(match.group(1)))));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        URI url = settings.gatewayUrl();
        DeliveryHttp http = new DeliveryHttp("sms", settings.timeouts());
        HttpRequest.Builder request;
        if (settings.method() == SmsSettings.Method.GET) {
            request = http.request(URI.create(url + (url.getRawQuery() == null ? "?" : "&") + body))
                    .GET();
            bytes = new byte[0];
        } else {
            request = http.request(url)
                    .method(settings.method().name(), HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .header("Content-Type", settings.bodyFormat().contentType() + "; charset=UTF-8");
        }
        if (!settings.idempotencyHeader().isEmpty()) {
            request.header(settings.idempotencyHeader(), sendId);
        }
        settings.auth().apply(request, bytes);
        http.send(request.build());
    }

    private static String escape(SmsBodyFormat format, String value) {
        return format == SmsBodyFormat.JSON
                ? new String(JsonStringEncoder.getInstance().quoteAsString(value))
                : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

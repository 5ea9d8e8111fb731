package org.certhub.routes.wiring;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.certhub.connectors.distribution.email.MailTransport;
import org.certhub.connectors.distribution.sms.SmsDistributor;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.id.otp.OtpMessage;
import org.certhub.connectors.id.otp.OtpSender;
import org.certhub.connectors.id.spi.IdSystemUnavailableException;
import org.certhub.connectors.id.spi.IdVerificationRejectedException;

/**
 * Sends one-time codes over the hub's own delivery transports: email through the email channel's
 * {@link MailTransport}, SMS through the SMS channel's {@link SmsDistributor} (its gateway, authentication, body
 * template and success rule). A transport outage is an ID-system outage (retried); a refused address is permanent.
 */
public final class ChannelOtpSender implements OtpSender {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Optional<MailTransport> mail;
    private final String mailFrom;
    private final Optional<SmsDistributor> sms;

    public ChannelOtpSender(Optional<MailTransport> mail, String mailFrom, Optional<SmsDistributor> sms) {
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
        sms.orElseThrow(() -> new IdVerificationRejectedException("one-time codes by SMS need the sms channel enabled"))
                .sendText(address, text, sendId);
    }
}

package org.certhub.connectors.distribution.email;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Where a finished email goes: an SMTP server ({@link SmtpMailTransport}) or a folder of {@code .eml} files
 * ({@link OutboxMailTransport}).
 */
public interface MailTransport {

    /** The mail session messages for this transport are built in. */
    Session session();

    /**
     * Sends the message once.
     *
     * @param deliveryId the delivery it carries; the same id is the same email (a resend after a crash)
     * @throws org.certhub.connectors.distribution.spi.TransientDeliveryException when a later attempt may succeed
     * @throws org.certhub.connectors.distribution.spi.PermanentDeliveryException when no attempt can succeed
     */
    void send(MimeMessage message, String deliveryId);
}

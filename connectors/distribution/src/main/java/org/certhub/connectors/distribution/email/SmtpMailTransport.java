package org.certhub.connectors.distribution.email;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mail.MailEndpoint;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands messages to an SMTP server through Camel's {@code smtp:}/{@code smtps:} endpoint (camel-mail, which sends a
 * finished {@link MimeMessage} as it is and keeps its Message-ID): one connection per message over a shared session, with
 * connection and read timeouts, STARTTLS required or SMTPS when configured, and the server's identity checked
 * against its certificate. Failures are sorted for the delivery route: a refused or timed-out connection, an
 * authentication failure and every 4xx reply are transient; a 5xx rejection of the recipient or the message
 * is permanent.
 */
public final class SmtpMailTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailTransport.class);

    private final SmtpSettings settings;
    private final String protocol;
    private final Session session;
    private final MailEndpoint endpoint;
    private final ProducerTemplate producer;

    public SmtpMailTransport(SmtpSettings settings, CamelContext camel) {
        this(settings, null, camel);
    }

    /**
     * @param tlsSocketFactory the TLS sockets to use (a private trust store), or {@code null} for the JVM's
     */
    public SmtpMailTransport(SmtpSettings settings, SSLSocketFactory tlsSocketFactory, CamelContext camel) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.protocol = settings.security() == SmtpSecurity.SMTPS ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(settings, protocol, tlsSocketFactory));
        this.producer = Objects.requireNonNull(camel, "camel").createProducerTemplate();
        this.endpoint =
                camel.getEndpoint(protocol + "://" + settings.host() + ":" + settings.port(), MailEndpoint.class);
        // the session carries the STARTTLS policy, the time limits and the TLS sockets; the login stays out of the URI
        endpoint.getConfiguration().setSession(session);
        if (settings.authenticates()) {
            endpoint.getConfiguration().setUsername(settings.username());
            endpoint.getConfiguration().setPassword(settings.password());
        }
    }

    private static Properties properties(SmtpSettings settings, String protocol, SSLSocketFactory tlsSocketFactory) {
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", Integer.toString(settings.port()));
        properties.put(prefix + "auth", Boolean.toString(settings.authenticates()));
        properties.put(
                prefix + "connectiontimeout",
                Long.toString(settings.connectTimeout().toMillis()));
        properties.put(prefix + "timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.put(
                prefix + "writetimeout", Long.toString(settings.readTimeout().toMillis()));
        if (settings.security() == SmtpSecurity.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (settings.security() != SmtpSecurity.PLAIN) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
            if (tlsSocketFactory != null) {
                properties.put(prefix + "ssl.socketFactory", tlsSocketFactory);
            }
        }
        return properties;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void send(MimeMessage message, String deliveryId) {
        Exchange sent = producer.send(endpoint, exchange -> exchange.getIn().setBody(message));
        Exception failure = sent.getException();
        if (failure != null) {
            MessagingException messaging = cause(failure, MessagingException.class);
            throw messaging != null
                    ? classify(messaging)
                    : new TransientDeliveryException(
                            "SMTP delivery failed: " + failure.getClass().getSimpleName(), failure);
        }
        LOG.debug("Handed delivery {} to {}:{}", deliveryId, settings.host(), settings.port());
    }

    /** Whether a retry may succeed: the failure as the SPI's transient or permanent exception. */
    static RuntimeException classify(MessagingException failure) {
        if (failure instanceof AuthenticationFailedException) {
            return new TransientDeliveryException("SMTP server refused the login; check the SMTP credentials", failure);
        }
        if (failure instanceof SendFailedException sendFailed) {
            int code = replyCode(sendFailed);
            if (code >= 500 && hasAny(sendFailed.getInvalidAddresses())) {
                return new PermanentDeliveryException(
                        "SMTP server rejected the recipient address (" + code + ")", failure);
            }
            if (code >= 500) {
                return new PermanentDeliveryException("SMTP server rejected the message (" + code + ")", failure);
            }
            if (code < 0 && hasAny(sendFailed.getInvalidAddresses())) {
                return new PermanentDeliveryException("the recipient address is invalid", failure);
            }
            return new TransientDeliveryException("SMTP server deferred the message (" + code + ")", failure);
        }
        if (cause(failure, IOException.class) != null) {
            return new TransientDeliveryException(
                    "SMTP server unreachable: " + failure.getClass().getSimpleName(), failure);
        }
        return new TransientDeliveryException(
                "SMTP delivery failed: " + failure.getClass().getSimpleName(), failure);
    }

    /** The SMTP reply code of the send failure or of the first recipient failure chained to it; -1 if none. */
    private static int replyCode(SendFailedException failure) {
        if (failure instanceof SMTPSendFailedException smtp) {
            return smtp.getReturnCode();
        }
        Exception next = failure.getNextException();
        while (next != null) {
            if (next instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
            if (next instanceof SMTPSendFailedException smtp) {
                return smtp.getReturnCode();
            }
            next = next instanceof MessagingException messaging ? messaging.getNextException() : null;
        }
        return -1;
    }

    private static boolean hasAny(Address[] addresses) {
        return addresses != null && addresses.length > 0;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "SmtpMailTransport[" + settings + "]";
    }
}

package org.certhub.connectors.distribution.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each message as {@code <outbox>/<delivery id>.eml} (RFC 822, openable by any mail program), for the
 * embedded mode without an SMTP server. The file appears whole or not at all (written beside it, then moved
 * over it), and a resend of the same delivery replaces it, so there is one file per delivery. The delivery id
 * never becomes a path: ids other than plain letters, digits, '.', '_' and '-' are replaced by their hash.
 */
public final class OutboxMailTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxMailTransport.class);

    private final Path outbox;
    private final Session session = Session.getInstance(new Properties());

    public OutboxMailTransport(Path outbox) {
        this.outbox = outbox.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.outbox);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the mail outbox " + this.outbox, e);
        }
    }

    @Override
    public Session session() {
        return session;
    }

    /** The file a delivery is written to. */
    public Path fileOf(String deliveryId) {
        Path file = outbox.resolve(DeliveryIds.token(deliveryId) + ".eml");
        if (!outbox.equals(file.getParent())) {
            throw new IllegalArgumentException("delivery id does not name a file in the outbox");
        }
        return file;
    }

    @Override
    public void send(MimeMessage message, String deliveryId) {
        Path target = fileOf(deliveryId);
        Path partial = null;
        try {
            partial = Files.createTempFile(outbox, ".partial-", ".eml");
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            move(partial, target);
            LOG.debug("Wrote delivery {} to {}", deliveryId, target);
        } catch (IOException | MessagingException e) {
            throw new TransientDeliveryException("cannot write to the mail outbox " + outbox, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            LOG.warn("Cannot delete the partial outbox file {}", partial, e);
        }
    }

    @Override
    public String toString() {
        return "OutboxMailTransport[" + outbox + "]";
    }
}

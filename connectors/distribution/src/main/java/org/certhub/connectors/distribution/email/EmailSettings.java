package org.certhub.connectors.distribution.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * What every certificate email carries.
 *
 * @param from                   the sender ({@code CERTHUB_MAIL_FROM}), e.g. {@code Certificates <noreply@health.example>}
 * @param attachSmartHealthCard  whether to attach the {@code .smart-health-card} file when an {@code shc}
 *                               credential was issued
 * @param messageIdDomain        the domain of Message-IDs; {@code null} takes the sender's domain
 */
public record EmailSettings(String from, boolean attachSmartHealthCard, String messageIdDomain) {

    public EmailSettings {
        InternetAddress sender = parse(from);
        if (messageIdDomain == null || messageIdDomain.isBlank()) {
            String address = sender.getAddress();
            messageIdDomain = address.substring(address.lastIndexOf('@') + 1);
        }
        if (!messageIdDomain.matches("[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*")) {
            throw new IllegalArgumentException("not a domain name: " + messageIdDomain);
        }
    }

    public EmailSettings(String from) {
        this(from, false, null);
    }

    /** The sender as an address. */
    public InternetAddress fromAddress() {
        return parse(from);
    }

    private static InternetAddress parse(String from) {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("the sender address must be set");
        }
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getAddress().indexOf('@') < 1) {
                throw new IllegalArgumentException("the sender address needs a domain: " + from);
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an email address: " + from, e);
        }
    }
}

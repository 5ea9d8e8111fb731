package org.certhub.connectors.distribution.email;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity {
    /** No TLS: only for a relay on the same host or a test server. */
    PLAIN,
    /** Plain connection upgraded with STARTTLS; the server must offer it, else nothing is sent (port 587). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, port 465). */
    SMTPS
}

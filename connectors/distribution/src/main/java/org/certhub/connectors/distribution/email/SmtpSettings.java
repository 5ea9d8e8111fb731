package org.certhub.connectors.distribution.email;

import java.time.Duration;
import java.util.Objects;

/**
 * The SMTP server mail is handed to ({@code CERTHUB_SMTP_*}).
 *
 * @param username       the login, or {@code null} for a server that needs none
 * @param password       the password; never logged ({@link #toString()} hides it)
 * @param connectTimeout how long to wait for the connection and the greeting
 * @param readTimeout    how long to wait for each reply or write
 */
public record SmtpSettings(
        String host,
        int port,
        String username,
        String password,
        SmtpSecurity security,
        Duration connectTimeout,
        Duration readTimeout) {

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SMTP host must be set");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be between 1 and 65535: " + port);
        }
        Objects.requireNonNull(security, "security");
        if (username != null && username.isBlank()) {
            username = null;
        }
        if (username != null && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("an SMTP username needs a password");
        }
        if (username == null && password != null && !password.isEmpty()) {
            throw new IllegalArgumentException("an SMTP password needs a username");
        }
        connectTimeout = positive(connectTimeout, "connectTimeout");
        readTimeout = positive(readTimeout, "readTimeout");
    }

    /** Port 587 with STARTTLS required, 10 s to connect, 30 s per reply. */
    public static SmtpSettings startTls(String host, String username, String password) {
        return new SmtpSettings(
                host, 587, username, password, SmtpSecurity.STARTTLS, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public boolean authenticates() {
        return username != null;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "none" : "****") + ", security=" + security
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}

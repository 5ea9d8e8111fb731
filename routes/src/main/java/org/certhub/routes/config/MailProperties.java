package org.certhub.routes.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Outgoing mail ({@code certhub.mail.*}, from {@code CERTHUB_SMTP_*} and {@code CERTHUB_MAIL_FROM}): with no host,
 * mails are written as {@code .eml} files to the outbox under the data dir.
 *
 * @param security {@code starttls} (port 587, required), {@code smtps} (port 465) or {@code none} (a local relay)
 */
@Validated
@ConfigurationProperties("certhub.mail")
public record MailProperties(
        String host,
        @Min(1) @Max(65535) int port,
        String username,
        String password,
        @Pattern(regexp = "(?i)starttls|smtps|none") String security,
        @NotBlank String from) {

    public boolean smtpConfigured() {
        return host != null && !host.isBlank();
    }

    @Override
    public String toString() {
        return "MailProperties[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null || password.isEmpty() ? "unset" : "****") + ", security=" + security + "]";
    }
}

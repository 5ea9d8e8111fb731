package org.certhub.routes.wiring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.channels.email.*}: the email channel (the mail server itself is {@code certhub.mail.*}).
 *
 * @param enabled               whether certificates go out by mail (on by default)
 * @param attachSmartHealthCard also attach the {@code certificate.smart-health-card} file when an {@code shc}
 *                              credential was issued
 */
@Validated
@ConfigurationProperties("certhub.channels.email")
public record EmailChannelProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean attachSmartHealthCard) {}

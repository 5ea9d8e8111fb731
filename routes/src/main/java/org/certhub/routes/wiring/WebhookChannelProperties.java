package org.certhub.routes.wiring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.certhub.connectors.distribution.webhook.WebhookSettings;
import org.certhub.connectors.distribution.webhook.WebhookSubscriber;
import org.certhub.connectors.http.HttpTimeouts;
import org.certhub.connectors.http.Secret;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.channels.webhook.*}: the subscribers that receive certificate events. A subscriber's secret
 * comes from the environment ({@code CERTHUB_CHANNELS_WEBHOOK_SUBSCRIBERS_<n>_SECRET}).
 */
@Validated
@ConditionalOnProperty(name = "certhub.channels.webhook.enabled", havingValue = "true") // bound only when switched on
@ConfigurationProperties("certhub.channels.webhook")
public record WebhookChannelProperties(
        @NotEmpty List<@Valid Subscriber> subscribers, Duration connectTimeout, Duration requestTimeout) {

    public record Subscriber(
            @NotBlank String id,
            @NotNull URI url,
            @NotBlank String secret,
            List<String> facilities,
            List<String> programmes) {
        @Override
        public String toString() {
            return "Subscriber[id=" + id + ", url=" + url + ", secret=****]";
        }
    }

    public WebhookSettings settings() {
        return new WebhookSettings(
                subscribers.stream()
                        .map(s -> new WebhookSubscriber(
                                s.id(), s.url(), Secret.of(s.secret()), s.facilities(), s.programmes()))
                        .toList(),
                new HttpTimeouts(connectTimeout, requestTimeout));
    }
}

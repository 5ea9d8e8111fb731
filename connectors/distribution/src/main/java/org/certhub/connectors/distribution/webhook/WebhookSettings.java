package org.certhub.connectors.distribution.webhook;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.certhub.connectors.http.HttpTimeouts;

/**
 * Settings of the webhook channel ({@code certhub.channels.webhook.*}).
 *
 * @param subscribers the receivers, each with its own filter and secret; ids are unique
 * @param timeouts    connect and request time limits per call
 */
public record WebhookSettings(List<WebhookSubscriber> subscribers, HttpTimeouts timeouts) {

    public WebhookSettings {
        subscribers = List.copyOf(Objects.requireNonNull(subscribers, "subscribers"));
        var ids = new HashSet<String>();
        for (WebhookSubscriber subscriber : subscribers) {
            if (!ids.add(subscriber.id())) {
                throw new IllegalArgumentException("two webhook subscribers have the id " + subscriber.id());
            }
        }
        timeouts = timeouts == null ? HttpTimeouts.DEFAULT : timeouts;
    }
}

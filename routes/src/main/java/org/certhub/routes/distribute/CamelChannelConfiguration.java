package org.certhub.routes.distribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The channels of {@code type: camel} under {@code certhub.channels.<name>}: each a {@link CamelChannel} to its
 * endpoint. The endpoint URI and the template are checked at start, so a mistyped one stops the hub there.
 */
@Configuration(proxyBeanMethods = false)
public class CamelChannelConfiguration {

    private static final String PREFIX = "certhub.channels";

    @Bean
    CamelChannels camelChannels(
            Environment environment, CamelContext camel, ProducerTemplate producer, ChannelPayloads payloads) {
        Map<String, CamelChannelProperties> entries = Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, CamelChannelProperties.class))
                .orElse(Map.of());
        List<CamelChannel> channels = new ArrayList<>();
        new TreeMap<>(entries).forEach((name, entry) -> {
            if (entry.isCamelChannel()) {
                channels.add(channel(name, entry, camel, producer, payloads));
            }
        });
        return new CamelChannels(channels);
    }

    private static CamelChannel channel(
            String name,
            CamelChannelProperties entry,
            CamelContext camel,
            ProducerTemplate producer,
            ChannelPayloads payloads) {
        String where = PREFIX + "." + name;
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalStateException(where + ": a channel name is lower-case letters, digits and dashes");
        }
        if (entry.uri() == null || entry.uri().isBlank()) {
            throw new IllegalStateException(where + ".uri is required for a channel of type camel");
        }
        if (entry.payload() == ChannelPayload.TEMPLATE
                && (entry.template() == null || !payloads.hasTemplate(entry.template()))) {
            throw new IllegalStateException(where + ".template names no template below templates/ (without .hbs)");
        }
        return new CamelChannel(
                name,
                camel.getEndpoint(entry.uri()),
                producer,
                payloads,
                entry.payload(),
                entry.template(),
                entry.fileName(),
                entry.headers());
    }
}

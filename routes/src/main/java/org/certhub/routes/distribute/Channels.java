package org.certhub.routes.distribute;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.springframework.stereotype.Component;

/** The delivery channels switched on in this deployment, by channel name: the beans and the Camel endpoints configured. */
@Component
public class Channels {

    private final Map<String, CertificateDistributor> byName;

    public Channels(List<CertificateDistributor> distributors, CamelChannels configured) {
        this.byName = Stream.concat(distributors.stream(), configured.all().stream())
                .collect(Collectors.toMap(CertificateDistributor::channel, Function.identity()));
    }

    public List<CertificateDistributor> all() {
        return List.copyOf(byName.values());
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }

    public Optional<CertificateDistributor> find(String channel) {
        return Optional.ofNullable(byName.get(channel));
    }
}

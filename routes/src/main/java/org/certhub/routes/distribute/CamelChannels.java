package org.certhub.routes.distribute;

import java.util.List;

/** The channels configured as Camel endpoints ({@code certhub.channels.<name>.type: camel}). */
public record CamelChannels(List<CamelChannel> all) {

    public CamelChannels {
        all = List.copyOf(all);
    }
}

package org.certhub.routes.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.certhub.routes.config.SecurityProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the senders the configuration names (the default one with {@code CERTHUB_API_KEY} or the generated
 * key, and {@code certhub.security.senders.*}) before the hub answers requests. A changed configured key
 * replaces the previous configured one; keys issued by the admin API are left alone. Safe on several nodes at once.
 */
@Component
public class SenderSeeding implements InitializingBean {

    private final Senders senders;
    private final ApiKeys keys;
    private final SecurityProperties security;
    private final Clock clock;

    public SenderSeeding(Senders senders, ApiKeys keys, SecurityProperties security, Clock clock) {
        this.senders = senders;
        this.keys = keys;
        this.security = security;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        seed(
                ApiKeys.DEFAULT_SENDER,
                new SecurityProperties.SenderSeed(
                        "default sending system", List.of(), List.of(), keys.defaultSenderKey()));
        for (Map.Entry<String, SecurityProperties.SenderSeed> configured :
                security.senders().entrySet()) {
            seed(configured.getKey(), configured.getValue());
        }
    }

    private void seed(String id, SecurityProperties.SenderSeed seed) {
        SenderIds.require(id);
        Instant now = clock.instant();
        Senders.Sender sender = new Senders.Sender(
                id, seed.name() == null ? id : seed.name(), seed.programmes(), seed.facilities(), true);
        if (!senders.create(sender, now)) {
            senders.update(sender, now);
        }
        String hash = KeyHashes.hash(seed.apiKey());
        senders.addKey(id, hash, Senders.KeyOrigin.CONFIG, now);
        senders.expireConfiguredKeysExcept(id, hash, now);
    }
}

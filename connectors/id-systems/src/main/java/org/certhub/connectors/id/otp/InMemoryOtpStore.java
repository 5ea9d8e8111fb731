package org.certhub.connectors.id.otp;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link OtpStore} in this JVM's memory: for a single node; challenges are lost on restart. */
public final class InMemoryOtpStore implements OtpStore {

    private final Map<String, OtpChallenge> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByKey = new ConcurrentHashMap<>();

    @Override
    public Optional<OtpChallenge> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<OtpChallenge> findByKey(String key) {
        return Optional.ofNullable(idByKey.get(key)).map(byId::get);
    }

    @Override
    public synchronized boolean insertUnlessOpen(OtpChallenge challenge, Instant now) {
        Optional<OtpChallenge> existing = findByKey(challenge.key());
        if (existing.isPresent() && !existing.get().isExpired(now)) {
            return false;
        }
        existing.ifPresent(expired -> byId.remove(expired.id()));
        idByKey.put(challenge.key(), challenge.id());
        byId.put(challenge.id(), challenge);
        return true;
    }

    @Override
    public boolean replace(OtpChallenge expected, OtpChallenge updated) {
        if (!expected.id().equals(updated.id()) || !expected.key().equals(updated.key())) {
            throw new IllegalArgumentException("a replacement keeps the challenge's id and key");
        }
        return byId.replace(expected.id(), expected, updated);
    }

    @Override
    public synchronized boolean remove(OtpChallenge expected) {
        if (!byId.remove(expected.id(), expected)) {
            return false;
        }
        idByKey.remove(expected.key(), expected.id());
        return true;
    }

    @Override
    public synchronized int purgeExpired(Instant now) {
        int purged = 0;
        for (OtpChallenge challenge : byId.values()) {
            if (challenge.isExpired(now) && remove(challenge)) {
                purged++;
            }
        }
        return purged;
    }
}

package org.certhub.connectors.id.otp;

import java.time.Instant;
import java.util.Optional;

/**
 * Where open challenges live ({@link InMemoryOtpStore} for one node; a database for several). Updates are
 * compare-and-set so that concurrent attempts on one challenge are all counted and a code is used only once.
 */
public interface OtpStore {

    Optional<OtpChallenge> find(String id);

    /** The challenge for {@code key}, if any (there is at most one). */
    Optional<OtpChallenge> findByKey(String key);

    /**
     * Stores a new challenge unless an unexpired one exists for the same key; an expired one is replaced.
     *
     * @return whether {@code challenge} was stored
     */
    boolean insertUnlessOpen(OtpChallenge challenge, Instant now);

    /** Replaces {@code expected} by {@code updated} if the stored challenge still equals {@code expected}. */
    boolean replace(OtpChallenge expected, OtpChallenge updated);

    /** Removes {@code expected} if the stored challenge still equals it. */
    boolean remove(OtpChallenge expected);

    /** Removes every challenge expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}

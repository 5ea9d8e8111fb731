package org.certhub.routes.certify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.certhub.routes.store.EventStore;
import org.springframework.stereotype.Component;

/**
 * Events stored but still {@code received}: the hub stopped between storing a record and queueing it. Certifying is
 * idempotent, so queueing one again is always safe; each is claimed by one node ({@link EventStore#claimWaiting}).
 */
@Component
public class WaitingEvents {

    private static final int BATCH = 500;

    private final EventStore events;
    private final Clock clock;
    private final Duration grace;
    private final Instant started;

    public WaitingEvents(EventStore events, Clock clock, RequeueProperties properties) {
        this.events = events;
        this.clock = clock;
        this.grace = properties.after();
        this.started = clock.instant();
    }

    /** The events to queue again now; each is re-queued at most once per grace period, even behind a backlog. */
    public List<String> due() {
        return events.claimWaiting(clock.instant().minus(grace), BATCH);
    }

    /**
     * At start: every event that was still {@code received} when this node started, left so by the previous run
     * (or by another node's, stopped in the same way). Those still in the queue behind a backlog are queued a second
     * time, which certifies nothing twice.
     */
    public List<String> leftByEarlierRun() {
        List<String> left = new ArrayList<>();
        List<String> claimed;
        do {
            claimed = events.claimWaiting(started, BATCH);
            left.addAll(claimed);
        } while (!claimed.isEmpty());
        return left;
    }
}

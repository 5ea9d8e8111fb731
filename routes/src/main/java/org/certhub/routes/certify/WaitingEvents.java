package org.certhub.routes.certify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.certhub.routes.store.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Events stored but still {@code received} long after they came in: the hub stopped between storing a record
 * and queueing it. Certifying is idempotent, so queueing one again is always safe.
 */
@Component
public class WaitingEvents {

    private static final int BATCH = 500;

    private final EventStore events;
    private final Clock clock;
    private final Duration grace;

    public WaitingEvents(EventStore events, Clock clock, @Value("${certhub.requeue.after:PT5M}") Duration grace) {
        this.events = events;
        this.clock = clock;
        this.grace = grace;
    }

    /** The events to queue again now; each is re-queued at most once per grace period, even behind a backlog. */
    public List<String> due() {
        List<String> due = events.waitingSince(clock.instant().minus(grace), BATCH);
        events.touch(due);
        return due;
    }
}

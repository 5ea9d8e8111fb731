package org.certhub.connectors.distribution.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link DeliveryLedger} of the most recent {@code capacity} keys, for one node. Thread-safe. */
public final class InMemoryDeliveryLedger implements DeliveryLedger {

    private final Map<String, Boolean> done;

    public InMemoryDeliveryLedger(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.done = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public InMemoryDeliveryLedger() {
        this(100_000);
    }

    @Override
    public synchronized boolean isDone(String key) {
        return done.containsKey(key);
    }

    @Override
    public synchronized void markDone(String key) {
        done.put(key, Boolean.TRUE);
    }
}

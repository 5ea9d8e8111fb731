package org.certhub.connectors.payment.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps the latest decision per event for the most recent {@code capacity} events: the audit trail of the contract tests. */
public final class InMemoryAuditSink implements AuditSink {

    private final Map<String, FundingAuditRecord> byEvent;

    public InMemoryAuditSink(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.byEvent = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FundingAuditRecord> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized void record(FundingAuditRecord record) {
        byEvent.remove(record.request().eventId());
        byEvent.put(record.request().eventId(), record);
    }

    public synchronized Optional<FundingAuditRecord> find(String eventId) {
        return Optional.ofNullable(byEvent.get(eventId));
    }

    /** The kept records, oldest first. */
    public synchronized List<FundingAuditRecord> records() {
        return new ArrayList<>(byEvent.values());
    }
}

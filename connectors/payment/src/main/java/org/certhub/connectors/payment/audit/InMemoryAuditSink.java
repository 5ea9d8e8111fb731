package org.certhub.connectors.payment.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest decision per event for the most recent {@code capacity} events and logs each one
 * (event, programme, facility, funding source, outcome: no personal data). For a single node and tests;
 * the hub records to its database.
 */
public final class InMemoryAuditSink implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryAuditSink.class);

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
        LOG.info("funding event={} programme={} facility={} source={} outcome={} gateway={} reference={}",
                record.request().eventId(), record.request().programmeId(), record.request().facilityId(),
                record.request().fundingSource(), record.decision().outcome(), record.decision().gateway(),
                record.decision().reference());
    }

    public synchronized Optional<FundingAuditRecord> find(String eventId) {
        return Optional.ofNullable(byEvent.get(eventId));
    }

    /** The kept records, oldest first. */
    public synchronized List<FundingAuditRecord> records() {
        return new ArrayList<>(byEvent.values());
    }
}

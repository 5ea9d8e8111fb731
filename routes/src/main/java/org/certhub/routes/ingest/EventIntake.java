package org.certhub.routes.ingest;

import java.util.List;
import java.util.Optional;
import org.certhub.model.VaccinationEvent;
import org.certhub.routes.metrics.HubMetrics;
import org.certhub.routes.security.AuditTrail;
import org.certhub.routes.security.Caller;
import org.certhub.routes.store.EventStore;
import org.springframework.stereotype.Service;

/**
 * Stores the accepted doses of one request (or one chunk of a stream) together ({@link EventStore#receiveAll}),
 * audits the corrections among them and counts what was stored, per intake path.
 */
@Service
public class EventIntake {

    private final EventStore events;
    private final AuditTrail audit;
    private final HubMetrics metrics;

    public EventIntake(EventStore events, AuditTrail audit, HubMetrics metrics) {
        this.events = events;
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * @param source the intake path for the metrics: {@code fhir}, {@code import}, {@code fhir-server}, {@code kafka}
     *               or {@code divoc}
     * @param admin  the admin correcting a sender's records, if it is one (the audit trail names the admin)
     * @return one receipt per dose, in order
     */
    public List<EventStore.Receipt> receive(List<VaccinationEvent> doses, String source, Optional<Caller> admin) {
        List<EventStore.Receipt> receipts = events.receiveAll(doses);
        int stored = 0;
        for (int i = 0; i < receipts.size(); i++) {
            EventStore.Receipt receipt = receipts.get(i);
            if (receipt.kind() == EventStore.Receipt.Kind.CHANGED && admin.isPresent()) {
                audit.record(admin, "correct", receipt.eventId(), "success", null);
            } else if (receipt.kind() == EventStore.Receipt.Kind.CHANGED) {
                audit.recordChange(doses.get(i).sourceSystem(), "correct", receipt.eventId());
            }
            if (receipt.kind() != EventStore.Receipt.Kind.DUPLICATE) {
                stored++;
            }
        }
        metrics.eventsReceived(source, stored);
        return receipts;
    }
}

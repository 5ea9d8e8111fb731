package org.certhub.routes.ingest;

import org.apache.camel.ProducerTemplate;
import org.certhub.fhirmapping.Submission;
import org.certhub.routes.security.AuditTrail;
import org.certhub.routes.security.SenderPolicy;
import org.certhub.routes.signing.IssuableRecords;
import org.certhub.routes.store.EventStore;
import org.springframework.stereotype.Service;

/**
 * Takes the entries of inputs that are read as a stream in the background (ndjson imports, FHIR server search
 * pages), one at a time: an accepted dose is stored and, when new or changed, queued for certification; a
 * retraction revokes what was issued. Nobody waits for an answer, so each entry is queued as soon as it is stored.
 */
@Service
public class StreamedEntries {

    /** What became of an entry. */
    public enum Outcome {
        ACCEPTED,
        RETRACTED,
        IGNORED,
        REJECTED
    }

    private final EventStore events;
    private final FhirIngestService ingest;
    private final ProducerTemplate producer;
    private final IssuableRecords issuable;
    private final SenderPolicy senderPolicy;
    private final AuditTrail audit;

    public StreamedEntries(
            EventStore events,
            FhirIngestService ingest,
            ProducerTemplate producer,
            IssuableRecords issuable,
            SenderPolicy senderPolicy,
            AuditTrail audit) {
        this.issuable = issuable;
        this.senderPolicy = senderPolicy;
        this.audit = audit;
        this.events = events;
        this.ingest = ingest;
        this.producer = producer;
    }

    /**
     * Takes an entry the sender may send; a record no certificate could be issued for ({@link IssuableRecords}) is
     * rejected, unstored.
     */
    public Outcome take(Submission.Entry received) {
        Submission.Entry entry = issuable.screen(senderPolicy.apply(received));
        if (entry instanceof Submission.Accepted dose) {
            EventStore.Receipt receipt = events.receive(dose.event());
            if (receipt.kind() == EventStore.Receipt.Kind.CHANGED) {
                audit.recordChange(dose.event().sourceSystem(), "correct", receipt.eventId());
            }
            if (receipt.needsCertification()) {
                producer.sendBody("direct:queue-for-certification", receipt.eventId());
            }
            return Outcome.ACCEPTED;
        }
        if (entry instanceof Submission.Retracted retraction) {
            ingest.withdraw(retraction);
            return Outcome.RETRACTED;
        }
        return entry instanceof Submission.Ignored ? Outcome.IGNORED : Outcome.REJECTED;
    }
}

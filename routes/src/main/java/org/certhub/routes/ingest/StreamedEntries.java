package org.certhub.routes.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.certhub.fhirmapping.Submission;
import org.certhub.model.VaccinationEvent;
import org.certhub.routes.security.SenderPolicy;
import org.certhub.routes.signing.IssuableRecords;
import org.certhub.routes.store.EventStore;
import org.springframework.stereotype.Service;

/**
 * Takes the entries of inputs that are read as a stream in the background (ndjson imports, FHIR server search
 * pages) in chunks: accepted doses gather until {@value #CHUNK} of them are stored in one commit
 * ({@link EventIntake}) and those new or changed are queued for certification; a retraction first stores the doses
 * before it, then revokes what was issued. Nobody waits for an answer, so each chunk is queued as soon as it is
 * stored.
 */
@Service
public class StreamedEntries {

    /** Doses stored in one commit. */
    static final int CHUNK = 500;

    /** What became of an entry. */
    public enum Outcome {
        ACCEPTED,
        RETRACTED,
        IGNORED,
        REJECTED
    }

    private final EventIntake intake;
    private final FhirIngestService ingest;
    private final ProducerTemplate producer;
    private final IssuableRecords issuable;
    private final SenderPolicy senderPolicy;

    public StreamedEntries(
            EventIntake intake,
            FhirIngestService ingest,
            ProducerTemplate producer,
            IssuableRecords issuable,
            SenderPolicy senderPolicy) {
        this.issuable = issuable;
        this.senderPolicy = senderPolicy;
        this.intake = intake;
        this.ingest = ingest;
        this.producer = producer;
    }

    /** A stream's entries from one intake path ({@code import}, {@code fhir-server}); flush it at the end. */
    public Stream open(String source) {
        return new Stream(source);
    }

    /** The entries of one stream, taken in order; doses wait in the current chunk until {@link #flush()}. */
    public final class Stream {
        private final String source;
        private final List<VaccinationEvent> chunk = new ArrayList<>();

        private Stream(String source) {
            this.source = source;
        }

        /**
         * Takes an entry the sender may send; a record no certificate could be issued for ({@link IssuableRecords})
         * is rejected, unstored.
         */
        public Outcome take(Submission.Entry received) {
            Submission.Entry entry = issuable.screen(senderPolicy.apply(received));
            if (entry instanceof Submission.Accepted dose) {
                chunk.add(dose.event());
                if (chunk.size() >= CHUNK) {
                    flush();
                }
                return Outcome.ACCEPTED;
            }
            if (entry instanceof Submission.Retracted retraction) {
                flush();
                ingest.withdraw(retraction);
                return Outcome.RETRACTED;
            }
            return entry instanceof Submission.Ignored ? Outcome.IGNORED : Outcome.REJECTED;
        }

        /** Stores the doses taken so far in one commit, then queues those to certify. */
        public void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            for (EventStore.Receipt receipt : intake.receive(List.copyOf(chunk), source, Optional.empty())) {
                if (receipt.needsCertification()) {
                    producer.sendBody("direct:queue-for-certification", receipt.eventId());
                }
            }
            chunk.clear();
        }
    }
}

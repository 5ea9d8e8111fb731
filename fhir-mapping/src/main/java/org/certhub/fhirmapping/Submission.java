package org.certhub.fhirmapping;

import java.util.List;
import org.certhub.model.VaccinationEvent;

/**
 * What one input (a Bundle, an Immunization, a DIVOC certify request, an ndjson line) amounts to: one entry
 * per Immunization, in input order.
 *
 * @param kind the input's processing rule, which decides the response Bundle type and whether one bad
 *             entry rejects the rest
 */
public record Submission(Kind kind, List<Entry> entries) {

    public Submission {
        entries = List.copyOf(entries);
    }

    public enum Kind {
        /** A transaction Bundle: all entries or none. */
        TRANSACTION,
        /** A batch, collection, document or message Bundle, or a list: each entry on its own. */
        BATCH,
        /** A single resource. */
        SINGLE;

        public boolean allOrNothing() {
            return this != BATCH;
        }
    }

    /** One Immunization's outcome; {@code entryRef} is its {@code fullUrl} or FHIRPath in the input. */
    public sealed interface Entry permits Accepted, Retracted, Rejected {
        String entryRef();
    }

    /** A dose to certify (or, when already certified under the same key, to correct). */
    public record Accepted(String entryRef, VaccinationEvent event) implements Entry {
    }

    /** {@code status = entered-in-error}: revoke what was issued for this record, if anything. */
    public record Retracted(String entryRef, String sourceSystem, String sourceRecordId) implements Entry {
        public String idempotencyKey() {
            return sourceSystem + "|" + sourceRecordId;
        }
    }

    /** An entry that cannot be certified, with the HTTP status it stands for (422 as a rule). */
    public record Rejected(String entryRef, int status, List<Problem> problems) implements Entry {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}

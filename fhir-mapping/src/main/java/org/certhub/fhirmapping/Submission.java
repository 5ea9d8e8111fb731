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

    /** The entries of one kind, e.g. {@code entries(Accepted.class)}. */
    public <T extends Entry> List<T> entries(Class<T> type) {
        return entries.stream().filter(type::isInstance).map(type::cast).toList();
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
    public sealed interface Entry permits Accepted, Retracted, Rejected, Ignored {
        String entryRef();
    }

    /**
     * A dose to certify (or, when already certified under the same key, to correct).
     *
     * @param warnings what the sender should know but that did not stop the mapping (e.g. a dose number
     *                 that was inferred); answered as {@code warning}/{@code information} issues
     */
    public record Accepted(String entryRef, VaccinationEvent event, List<Problem> warnings) implements Entry {
        public Accepted {
            java.util.Objects.requireNonNull(event, "event");
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        public Accepted(String entryRef, VaccinationEvent event) {
            this(entryRef, event, List.of());
        }
    }

    /**
     * A well-formed dose of a programme that the configuration does not certify (e.g. seasonal influenza):
     * taken note of, not stored and not an error (answered {@code 200 OK} with an information issue).
     */
    public record Ignored(String entryRef, String programmeId, String reason) implements Entry {}

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

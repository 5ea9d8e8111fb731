package org.certhub.fhirmapping.bulk;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.certhub.fhirmapping.DoseSequencer;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.fhirmapping.ImmunizationMapper;
import org.certhub.fhirmapping.Problem;
import org.certhub.fhirmapping.ReferenceResolver;
import org.certhub.fhirmapping.Submission;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * A FHIR bulk-data style import ({@code $import}): Patient ndjson and Immunization ndjson, one resource per line,
 * as a FHIR server's {@code $export} writes them. Patients are indexed by id; then each Immunization line
 * becomes one entry, handed to the caller's sink as soon as it is mapped, with its line number. A bad line
 * (not JSON, not FHIR, invalid, or unmappable) is reported with its number and does not stop the rest.
 *
 * <p>Memory: the parsed Patients of the Patient file, plus a few bytes per Immunization for dose numbering.
 * Thread-safe; one import per call.
 */
public final class NdjsonImport {

    private final FhirIngestion ingestion;

    public NdjsonImport(FhirIngestion ingestion) {
        this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
    }

    /**
     * One line's outcome.
     *
     * @param file  the name of the ndjson file
     * @param line  the 1-based line number
     * @param entry the outcome; a bad line is a {@link Submission.Rejected} (status 400 when it does not parse)
     */
    public record LineResult(String file, long line, Submission.Entry entry) {}

    /** Counts of one import, for its status. */
    public record Summary(
            long patients,
            long badPatientLines,
            long immunizationLines,
            long accepted,
            long retracted,
            long ignored,
            long rejected) {}

    /**
     * Imports the files. The sink receives every Immunization line's result, and every bad Patient line as a
     * rejection, in file order; it is the caller's progress and result stream.
     *
     * @param patients      the Patient ndjson; may be {@code null} when every Immunization contains its patient
     * @param immunizations the Immunization ndjson
     */
    public Summary run(
            NdjsonSource patients, NdjsonSource immunizations, String sourceSystem, Consumer<LineResult> sink) {
        Objects.requireNonNull(immunizations, "immunizations");
        Objects.requireNonNull(sink, "sink");
        Map<String, Patient> index = new HashMap<>();
        long badPatients = patients == null ? 0 : indexPatients(patients, index, sink);
        ReferenceResolver resolver = (reference, fromFullUrl) ->
                Optional.ofNullable(patientId(reference)).map(index::get).map(Resource.class::cast);
        Map<Integer, Integer> inferredDoses = inferDoseNumbers(immunizations, resolver);

        Counts counts = new Counts();
        ImmunizationMapper mapper = ingestion.mapper();
        eachLine(immunizations, (number, text) -> {
            String ref = immunizations.name() + ":" + number;
            Submission.Entry entry;
            try {
                IBaseResource resource = ingestion.parse(text, FhirEncoding.JSON);
                if (resource instanceof Immunization immunization) {
                    entry = mapper.map(
                            immunization,
                            new ImmunizationMapper.Source(
                                    sourceSystem, ref, "Immunization", null, resolver, inferredDoses.get(number)));
                } else {
                    entry = lineRejected(ref, 400, "the line holds a " + resource.fhirType() + ", not an Immunization");
                }
            } catch (FhirInputException e) {
                entry = new Submission.Rejected(ref, e.status(), e.problems());
            }
            counts.add(entry);
            sink.accept(new LineResult(immunizations.name(), number, entry));
        });
        return new Summary(
                index.size(),
                badPatients,
                counts.lines,
                counts.accepted,
                counts.retracted,
                counts.ignored,
                counts.rejected);
    }

    private long indexPatients(NdjsonSource patients, Map<String, Patient> index, Consumer<LineResult> sink) {
        long[] bad = {0};
        eachLine(patients, (number, text) -> {
            String ref = patients.name() + ":" + number;
            Submission.Rejected problem;
            try {
                IBaseResource resource = ingestion.parse(text, FhirEncoding.JSON);
                if (resource instanceof Patient patient
                        && patient.getIdElement().getIdPart() != null) {
                    index.put(patient.getIdElement().getIdPart(), patient);
                    return;
                }
                problem = lineRejected(
                        ref,
                        400,
                        resource instanceof Patient
                                ? "the Patient has no id, so no Immunization can refer to it"
                                : "the line holds a " + resource.fhirType() + ", not a Patient");
            } catch (FhirInputException e) {
                problem = new Submission.Rejected(ref, e.status(), e.problems());
            }
            bad[0]++;
            sink.accept(new LineResult(patients.name(), number, problem));
        });
        return bad[0];
    }

    /** First pass: the date, person and programme of every dose, to number the ones that carry no number. */
    private Map<Integer, Integer> inferDoseNumbers(NdjsonSource immunizations, ReferenceResolver resolver) {
        List<DoseSequencer.Dose> doses = new ArrayList<>();
        IParser parser = ingestion.context().newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
        eachLine(immunizations, (number, text) -> {
            if (text.length() > ingestion.settings().maxInputChars()) {
                return;
            }
            Immunization immunization;
            try {
                if (!(parser.parseResource(text) instanceof Immunization parsed)) {
                    return;
                }
                immunization = parsed;
            } catch (RuntimeException unreadable) {
                return; // reported with its line number by the mapping pass
            }
            ingestion
                    .mapper()
                    .dose(number, immunization, ImmunizationMapper.patientKey(immunization, null, resolver))
                    .ifPresent(doses::add);
        });
        return DoseSequencer.inferDoseNumbers(doses);
    }

    /** Hands each non-blank line, with its 1-based number, to {@code handler}. */
    private static void eachLine(NdjsonSource source, LineHandler handler) {
        try (Reader in = source.open();
                BufferedReader reader = new BufferedReader(in)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    handler.line(number, text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.name(), e);
        }
    }

    @FunctionalInterface
    private interface LineHandler {
        void line(int number, String text);
    }

    /** Outcome counts of the Immunization lines. */
    private static final class Counts {
        private long lines;
        private long accepted;
        private long retracted;
        private long ignored;
        private long rejected;

        void add(Submission.Entry entry) {
            lines++;
            if (entry instanceof Submission.Accepted) {
                accepted++;
            } else if (entry instanceof Submission.Retracted) {
                retracted++;
            } else if (entry instanceof Submission.Ignored) {
                ignored++;
            } else {
                rejected++;
            }
        }
    }

    /** The id of a {@code Patient/<id>} reference (relative, absolute or versioned), else {@code null}. */
    private static String patientId(String reference) {
        String unversioned =
                reference.contains("/_history/") ? reference.substring(0, reference.indexOf("/_history/")) : reference;
        int at = unversioned.lastIndexOf("Patient/");
        if (at < 0 || at > 0 && unversioned.charAt(at - 1) != '/') {
            return null;
        }
        String id = unversioned.substring(at + "Patient/".length());
        return id.isEmpty() || id.contains("/") ? null : id;
    }

    private static Submission.Rejected lineRejected(String ref, int status, String diagnostics) {
        return new Submission.Rejected(ref, status, List.of(Problem.error("structure", diagnostics, null)));
    }
}

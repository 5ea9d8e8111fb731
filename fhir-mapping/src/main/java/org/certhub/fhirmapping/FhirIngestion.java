package org.certhub.fhirmapping;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.certhub.fhirmapping.valueset.ValueSets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Resource;

/**
 * The entry point of FHIR ingestion: reads a Bundle or an Immunization (JSON or XML) and answers a
 * {@link Submission} with one entry per Immunization, or throws {@link FhirInputException} when the input
 * cannot be taken as a whole. One instance per application; thread-safe.
 *
 * <p>Accepted Bundle types: {@code transaction} (all or nothing), {@code batch}, {@code collection},
 * {@code document} (first entry a Composition, e.g. IPS or DDCC:VS), {@code message} (first entry a
 * MessageHeader) and {@code searchset} (a FHIR server's search result, with {@code _include}d Patients).
 */
public final class FhirIngestion {

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);

    private final FhirContext context;
    private final FhirIngestionSettings settings;
    private final ImmunizationMapper mapper;
    private final InstanceValidation instanceValidation;

    /**
     * @param context   the application's R4 context ({@link #newContext()} gives one tuned for ingestion:
     *                  entry ids are not overwritten by {@code fullUrl}, reference versions are kept)
     * @param valueSets the vaccine value sets, e.g. {@code ValueSets.fromDirectory(Path.of("config/value-sets"))}
     * @throws InstanceValidation.MissingModuleException with {@code FULL} validation and no certhub-fhir-validation
     */
    public FhirIngestion(FhirContext context, ValueSets valueSets, FhirIngestionSettings settings) {
        this(context, valueSets, settings, Clock.systemUTC());
    }

    public FhirIngestion(FhirContext context, ValueSets valueSets, FhirIngestionSettings settings, Clock clock) {
        this.context = Objects.requireNonNull(context, "context");
        if (context.getVersion().getVersion() != FhirVersionEnum.R4) {
            throw new IllegalArgumentException(
                    "an R4 FhirContext is required, not " + context.getVersion().getVersion());
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mapper = new ImmunizationMapper(valueSets, settings, context, clock);
        this.instanceValidation = settings.validation() == FhirIngestionSettings.ValidationLevel.FULL
                ? InstanceValidation.load(context, settings.profileValidation(), settings.profilesDirectory())
                : null;
    }

    /** An R4 context configured as ingestion expects it (costs about a second: create one per application). */
    public static FhirContext newContext() {
        FhirContext context = FhirContext.forR4();
        context.getParserOptions()
                .setOverrideResourceIdWithBundleEntryFullUrl(false)
                .setStripVersionsFromReferences(false);
        context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return context;
    }

    public FhirContext context() {
        return context;
    }

    public FhirIngestionSettings settings() {
        return settings;
    }

    /** The mapper, for other inputs (ndjson, DIVOC) that share its rules. */
    public ImmunizationMapper mapper() {
        return mapper;
    }

    /** A Bundle of any accepted type or a single Immunization ({@code POST /fhir/r4}). */
    public Submission read(String body, FhirEncoding encoding, String sourceSystem) {
        IBaseResource resource = parse(body, encoding);
        if (resource instanceof Bundle bundle) {
            return readBundle(bundle, sourceSystem);
        }
        if (resource instanceof Immunization immunization) {
            return single(immunization, sourceSystem, ReferenceResolver.NONE);
        }
        throw new FhirInputException(
                400,
                List.of(Problem.error(
                        "not-supported",
                        "expected a Bundle or an Immunization, not a " + resource.fhirType(),
                        resource.fhirType())));
    }

    /** One Immunization ({@code POST /fhir/r4/Immunization}); its patient must be contained. */
    public Submission readImmunization(String body, FhirEncoding encoding, String sourceSystem) {
        return readImmunization(body, encoding, sourceSystem, ReferenceResolver.NONE);
    }

    /**
     * One Immunization whose patient is contained or found by {@code resolver} (e.g. a Patient the sender
     * posted before, or one fetched from its FHIR server).
     */
    public Submission readImmunization(
            String body, FhirEncoding encoding, String sourceSystem, ReferenceResolver resolver) {
        IBaseResource resource = parse(body, encoding);
        if (!(resource instanceof Immunization immunization)) {
            throw new FhirInputException(
                    400,
                    List.of(Problem.error(
                            "not-supported",
                            "expected an Immunization, not a " + resource.fhirType(),
                            resource.fhirType())));
        }
        return single(immunization, sourceSystem, resolver);
    }

    /**
     * Parses one resource, checking its structure (and, with {@link FhirIngestionSettings.ValidationLevel#FULL},
     * validating it): 413 when too large, 400 when it is not FHIR, 422 when its structure is invalid.
     */
    public IBaseResource parse(String body, FhirEncoding encoding) {
        Objects.requireNonNull(encoding, "encoding");
        if (body == null || body.isBlank()) {
            throw new FhirInputException(400, List.of(Problem.error("structure", "the body is empty", null)));
        }
        if (body.length() > settings.maxInputChars()) {
            throw new FhirInputException(
                    413,
                    List.of(Problem.error(
                            "too-costly", "the body exceeds " + settings.maxInputChars() + " characters", null)));
        }
        if (encoding == FhirEncoding.XML && DOCTYPE.matcher(body).find()) {
            // FHIR forbids DTDs; refusing them outright rules out entity expansion and external entities
            throw new FhirInputException(
                    400,
                    List.of(Problem.error(
                            "security", "XML with a document type declaration (DTD) is not accepted", null)));
        }
        StructureErrors errors = new StructureErrors();
        IParser parser = (encoding == FhirEncoding.JSON ? context.newJsonParser() : context.newXmlParser())
                .setParserErrorHandler(errors);
        IBaseResource resource;
        try {
            resource = parser.parseResource(body);
        } catch (DataFormatException e) {
            throw new FhirInputException(
                    400,
                    List.of(Problem.error(
                            "structure",
                            "not a FHIR R4 resource in " + encoding.name() + ": " + safeMessage(e),
                            null)));
        } catch (RuntimeException | StackOverflowError e) {
            // the parsers' other failures on malformed input (numbers, nesting, encodings): still the sender's
            throw new FhirInputException(
                    400,
                    List.of(Problem.error(
                            "structure", "not a well-formed FHIR R4 resource in " + encoding.name(), null)));
        }
        if (resource == null) {
            throw new FhirInputException(400, List.of(Problem.error("structure", "no resource in the body", null)));
        }
        if (!errors.problems().isEmpty()) {
            throw new FhirInputException(422, errors.problems());
        }
        if (instanceValidation != null) {
            List<Problem> invalid = instanceValidation.errors(resource);
            if (!invalid.isEmpty()) {
                throw new FhirInputException(422, invalid);
            }
        }
        return resource;
    }

    private Submission single(Immunization immunization, String sourceSystem, ReferenceResolver resolver) {
        String entryRef = immunization.getIdElement().getIdPart() != null
                ? "Immunization/" + immunization.getIdElement().getIdPart()
                : "Immunization";
        ImmunizationMapper.Source source =
                new ImmunizationMapper.Source(sourceSystem, entryRef, "Immunization", null, resolver, null);
        Submission.Entry entry = mapper.map(immunization, source);
        if (entry instanceof Submission.Rejected rejected) {
            throw new FhirInputException(rejected.status(), rejected.problems());
        }
        return new Submission(Submission.Kind.SINGLE, List.of(entry));
    }

    private Submission readBundle(Bundle bundle, String sourceSystem) {
        if (bundle.getType() == null) {
            throw unprocessable(Problem.error("required", "Bundle.type is missing", "Bundle.type"));
        }
        Submission.Kind kind = switch (bundle.getType()) {
            case TRANSACTION -> Submission.Kind.TRANSACTION;
            case BATCH, COLLECTION, DOCUMENT, MESSAGE, SEARCHSET -> Submission.Kind.BATCH;
            default ->
                throw unprocessable(Problem.error(
                        "not-supported",
                        "Bundle.type " + bundle.getType().toCode()
                                + " is not accepted: send a transaction, batch, collection, document, message or searchset",
                        "Bundle.type"));
        };
        checkFirstEntry(bundle);
        BundleReferences references = new BundleReferences(bundle);
        List<Integer> positions = new ArrayList<>();
        List<DoseSequencer.Dose> doses = new ArrayList<>();
        List<Problem> transactionProblems = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            if (kind == Submission.Kind.TRANSACTION && entry.hasRequest() && !isCreateOrUpdate(entry)) {
                transactionProblems.add(Problem.error(
                        "not-supported",
                        "only POST and PUT entries are accepted in a transaction",
                        "Bundle.entry[" + i + "].request.method"));
            }
            if (entry.getResource() instanceof Immunization immunization) {
                positions.add(i);
                mapper.dose(
                                i,
                                immunization,
                                ImmunizationMapper.patientKey(immunization, entry.getFullUrl(), references))
                        .ifPresent(doses::add);
            }
        }
        if (!transactionProblems.isEmpty()) {
            throw unprocessable(transactionProblems);
        }
        if (positions.isEmpty()) {
            throw unprocessable(Problem.error("required", "the Bundle holds no Immunization", "Bundle.entry"));
        }
        Map<Integer, Integer> inferred = DoseSequencer.inferDoseNumbers(doses);
        List<Submission.Entry> entries = new ArrayList<>();
        List<Problem> rejections = new ArrayList<>();
        for (int i : positions) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            String path = "Bundle.entry[" + i + "]";
            Submission.Entry mapped;
            if (entry.hasRequest() && !isCreateOrUpdate(entry)) {
                mapped = new Submission.Rejected(
                        entryRef(entry, path),
                        422,
                        List.of(Problem.error(
                                "not-supported",
                                "only POST and PUT of an Immunization are accepted",
                                path + ".request.method")));
            } else {
                mapped = mapper.map(
                        (Immunization) entry.getResource(),
                        new ImmunizationMapper.Source(
                                sourceSystem,
                                entryRef(entry, path),
                                path + ".resource",
                                entry.getFullUrl(),
                                references,
                                inferred.get(i)));
            }
            if (mapped instanceof Submission.Rejected rejected) {
                rejections.addAll(rejected.problems());
            }
            entries.add(mapped);
        }
        if (kind == Submission.Kind.TRANSACTION && !rejections.isEmpty()) {
            throw unprocessable(rejections);
        }
        return new Submission(kind, entries);
    }

    private static void checkFirstEntry(Bundle bundle) {
        Resource first =
                bundle.getEntry().isEmpty() ? null : bundle.getEntryFirstRep().getResource();
        if (bundle.getType() == Bundle.BundleType.DOCUMENT && !(first instanceof Composition)) {
            throw unprocessable(Problem.error(
                    "structure", "a document Bundle must start with a Composition", "Bundle.entry[0].resource"));
        }
        if (bundle.getType() == Bundle.BundleType.MESSAGE && !(first instanceof MessageHeader)) {
            throw unprocessable(Problem.error(
                    "structure", "a message Bundle must start with a MessageHeader", "Bundle.entry[0].resource"));
        }
    }

    private static boolean isCreateOrUpdate(Bundle.BundleEntryComponent entry) {
        Bundle.HTTPVerb method = entry.getRequest().getMethod();
        return method == Bundle.HTTPVerb.POST || method == Bundle.HTTPVerb.PUT;
    }

    private static String entryRef(Bundle.BundleEntryComponent entry, String path) {
        return entry.hasFullUrl() ? entry.getFullUrl() : path;
    }

    private static FhirInputException unprocessable(Problem problem) {
        return unprocessable(List.of(problem));
    }

    private static FhirInputException unprocessable(List<Problem> problems) {
        return new FhirInputException(422, problems);
    }

    /** HAPI's parse messages name the position and the rule; cut them short and never echo long content. */
    private static String safeMessage(DataFormatException e) {
        String message = Optional.ofNullable(e.getMessage()).orElse("unreadable");
        message = message.replaceFirst("^HAPI-\\d+: ", "");
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}

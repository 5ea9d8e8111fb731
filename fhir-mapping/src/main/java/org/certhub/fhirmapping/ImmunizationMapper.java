package org.certhub.fhirmapping;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.certhub.fhirmapping.valueset.Programme;
import org.certhub.fhirmapping.valueset.VaccineDefinition;
import org.certhub.fhirmapping.valueset.VaccineMatch;
import org.certhub.fhirmapping.valueset.ValueSets;
import org.certhub.model.Code;
import org.certhub.model.Facility;
import org.certhub.model.Practitioner;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * FHIR R4 {@code Immunization} (with the Patient, Practitioner, Location and Organization it references) to
 * one {@link Submission.Entry}: a {@link VaccinationEvent} to certify, a retraction, a dose of a programme
 * that is not certified, or a rejection naming every problem found. Thread-safe.
 */
public final class ImmunizationMapper {

    private final ValueSets valueSets;
    private final FhirIngestionSettings settings;
    private final FhirContext fhirContext;
    private final Clock clock;

    public ImmunizationMapper(
            ValueSets valueSets, FhirIngestionSettings settings, FhirContext fhirContext, Clock clock) {
        this.valueSets = Objects.requireNonNull(valueSets, "valueSets");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Where an Immunization sits in its input.
     *
     * @param entryRef           the entry's {@code fullUrl}, else its FHIRPath (what the response names)
     * @param path               the FHIRPath of the Immunization, e.g. {@code Bundle.entry[2].resource}
     * @param fullUrl            its {@code fullUrl} (base for relative references); may be {@code null}
     * @param inferredDoseNumber the dose number {@link DoseSequencer} inferred, used when the record has none
     */
    public record Source(
            String sourceSystem,
            String entryRef,
            String path,
            String fullUrl,
            ReferenceResolver resolver,
            Integer inferredDoseNumber) {
        public Source {
            Objects.requireNonNull(sourceSystem, "sourceSystem");
            Objects.requireNonNull(path, "path");
            resolver = resolver == null ? ReferenceResolver.NONE : resolver;
        }
    }

    /** Maps one Immunization; a value the model's invariants refuse is the sender's error (422), not ours. */
    public Submission.Entry map(Immunization immunization, Source source) {
        try {
            return mapChecked(immunization, source);
        } catch (IllegalArgumentException | DateTimeException e) {
            return reject(
                    source,
                    Problem.error(
                            "value", "a value of the record does not fit the certificate data set", source.path()));
        }
    }

    private Submission.Entry mapChecked(Immunization immunization, Source source) {
        String path = source.path();
        List<Problem> problems = new ArrayList<>();
        if (immunization.getStatus() == null) {
            return reject(source, Problem.error("required", "Immunization.status is missing", path + ".status"));
        }
        switch (immunization.getStatus()) {
            case ENTEREDINERROR:
                return new Submission.Retracted(
                        source.entryRef(), source.sourceSystem(), sourceRecordId(immunization, source));
            case NOTDONE:
                return reject(
                        source,
                        Problem.error(
                                "business-rule",
                                "Immunization.status is not-done: no dose was given, so there is nothing to certify",
                                path + ".status"));
            case COMPLETED:
                break;
            default:
                return reject(
                        source,
                        Problem.error(
                                "value",
                                "Immunization.status must be completed or entered-in-error",
                                path + ".status"));
        }

        Optional<Programme> programme = Optional.empty();
        VaccineDefinition vaccine = null;
        Code receivedVaccine = null;
        VaccineMatch match = match(immunization);
        if (match instanceof VaccineMatch.Found found) {
            vaccine = found.vaccine();
            programme = Optional.of(vaccine.programme());
        } else if (match instanceof VaccineMatch.Conflict conflict) {
            problems.add(Problem.error(
                    "code-invalid",
                    "vaccineCode codings name different vaccines ("
                            + conflict.one().id() + ", " + conflict.other().id() + ")",
                    path + ".vaccineCode"));
        } else {
            programme = programmeForUnknownVaccine(immunization);
            String programmeId = programme.map(Programme::id).orElse(settings.defaultProgrammeId());
            Optional<Coding> first = immunization.getVaccineCode().getCoding().stream()
                    .filter(Coding::hasCode)
                    .findFirst();
            if (first.isPresent() && settings.allowsUnknownVaccines(programmeId)) {
                receivedVaccine = new Code(
                        first.get().getSystem(),
                        first.get().getCode(),
                        first.get().getDisplay());
            } else {
                problems.add(Problem.error(
                        "code-invalid", unknownVaccineMessage(immunization, programmeId), path + ".vaccineCode"));
            }
        }
        if (programme.isPresent() && !programme.get().certifies()) {
            return new Submission.Ignored(
                    source.entryRef(),
                    programme.get().id(),
                    "doses of programme " + programme.get().id() + " are not certified");
        }

        Recipient recipient = recipient(immunization, source, problems);
        LocalDate date = occurrence(immunization, path, problems);
        List<Problem> warnings = new ArrayList<>();
        Integer doseNumber = null;
        Integer seriesDoses = null;
        Immunization.ImmunizationProtocolAppliedComponent protocol =
                immunization.getProtocolApplied().isEmpty()
                        ? null
                        : immunization.getProtocolApplied().get(0);
        if (protocol != null) {
            doseNumber =
                    positiveWholeNumber(protocol.getDoseNumber(), path + ".protocolApplied[0].doseNumber", problems);
            seriesDoses =
                    positiveWholeNumber(protocol.getSeriesDoses(), path + ".protocolApplied[0].seriesDoses", problems);
        }
        if (!problems.isEmpty()) {
            return new Submission.Rejected(source.entryRef(), 422, problems);
        }
        if (doseNumber == null) {
            doseNumber = source.inferredDoseNumber() != null ? source.inferredDoseNumber() : 1;
            warnings.add(new Problem(
                    Problem.Severity.WARNING,
                    "informational",
                    "protocolApplied.doseNumber is absent; dose " + doseNumber
                            + " was inferred from the person's doses of this programme in the input, in date order",
                    path + ".protocolApplied"));
        }
        Integer totalDoses = seriesDoses != null ? seriesDoses : vaccine != null ? vaccine.primarySeriesDoses() : null;
        String programmeId = programme.map(Programme::id).orElse(settings.defaultProgrammeId());
        Code disease = disease(programme, protocol);

        Facility facility = facility(immunization, source);
        Vaccination vaccination = new Vaccination(
                vaccine != null ? vaccine.vaccineCode() : receivedVaccine,
                vaccine != null ? vaccine.product() : null,
                vaccine != null && vaccine.manufacturer() != null
                        ? vaccine.manufacturer()
                        : manufacturer(immunization, source),
                disease,
                RecipientMapper.blankToNull(immunization.getLotNumber()),
                date,
                doseNumber,
                totalDoses,
                country(facility),
                null,
                sentCodes(immunization));
        VaccinationEvent event = new VaccinationEvent(
                source.sourceSystem(),
                sourceRecordId(immunization, source),
                immunization.getMeta().getVersionId(),
                programmeId,
                recipient,
                vaccination,
                facility,
                practitioner(immunization, source));
        return new Submission.Accepted(source.entryRef(), event, warnings);
    }

    /** The vaccineCode codings as sent (system and code; displays are not carried). */
    private static List<Code> sentCodes(Immunization immunization) {
        return immunization.getVaccineCode().getCoding().stream()
                .filter(Coding::hasCode)
                .map(coding -> Code.of(coding.hasSystem() ? coding.getSystem() : null, coding.getCode()))
                .toList();
    }

    /** What {@link DoseSequencer} needs of a certifiable dose; empty for anything that will not be certified. */
    public Optional<DoseSequencer.Dose> dose(int key, Immunization immunization, Object patientKey) {
        if (immunization.getStatus() != Immunization.ImmunizationStatus.COMPLETED || patientKey == null) {
            return Optional.empty();
        }
        String programmeId;
        if (match(immunization) instanceof VaccineMatch.Found found) {
            if (!found.vaccine().programme().certifies()) {
                return Optional.empty();
            }
            programmeId = found.vaccine().programme().id();
        } else {
            programmeId =
                    programmeForUnknownVaccine(immunization).map(Programme::id).orElse(settings.defaultProgrammeId());
        }
        LocalDate date = occurrence(immunization, "", new ArrayList<>());
        if (date == null) {
            return Optional.empty();
        }
        boolean explicit = immunization.getProtocolApplied().stream().anyMatch(p -> p.hasDoseNumber());
        return Optional.of(new DoseSequencer.Dose(key, patientKey, programmeId, date, explicit));
    }

    /**
     * What identifies the patient of an Immunization within its input, for dose numbering: the resolved
     * Patient object (compared by identity), else the reference text; {@code null} without a reference.
     */
    public static Object patientKey(Immunization immunization, String fullUrl, ReferenceResolver resolver) {
        String reference = immunization.getPatient().getReference();
        if (reference == null || reference.isBlank()) {
            return null;
        }
        if (reference.startsWith("#")) {
            return immunization; // a contained patient belongs to this Immunization alone
        }
        return resolver.resolve(reference, fullUrl).<Object>map(r -> r).orElse(reference);
    }

    private VaccineMatch match(Immunization immunization) {
        CodeableConcept vaccineCode = immunization.getVaccineCode();
        List<Code> codings = vaccineCode.getCoding().stream()
                .filter(Coding::hasCode)
                .map(c -> new Code(c.getSystem(), c.getCode(), c.getDisplay()))
                .toList();
        VaccineMatch match = valueSets.match(codings);
        if (match instanceof VaccineMatch.Unknown && codings.isEmpty() && vaccineCode.hasText()) {
            return valueSets
                    .byName(vaccineCode.getText())
                    .<VaccineMatch>map(VaccineMatch.Found::new)
                    .orElse(match);
        }
        return match;
    }

    private Optional<Programme> programmeForUnknownVaccine(Immunization immunization) {
        for (Immunization.ImmunizationProtocolAppliedComponent protocol : immunization.getProtocolApplied()) {
            for (CodeableConcept disease : protocol.getTargetDisease()) {
                for (Coding coding : disease.getCoding()) {
                    Optional<Programme> programme = valueSets.programmeForDisease(coding.getSystem(), coding.getCode());
                    if (programme.isPresent()) {
                        return programme;
                    }
                }
            }
        }
        return valueSets.programme(settings.defaultProgrammeId());
    }

    private static String unknownVaccineMessage(Immunization immunization, String programmeId) {
        List<Coding> codings = immunization.getVaccineCode().getCoding();
        if (codings.stream().noneMatch(Coding::hasCode)) {
            return "vaccineCode has no coding"
                    + (immunization.getVaccineCode().hasText() ? " and its text names no known vaccine" : "");
        }
        return "unknown vaccine code "
                + codings.stream()
                        .filter(Coding::hasCode)
                        .map(c -> (c.hasSystem() ? c.getSystem() : "(no system)") + "|" + c.getCode())
                        .collect(Collectors.joining(", "))
                + ": not in the configured value sets, and programme " + programmeId
                + " does not accept unknown vaccines";
    }

    private Recipient recipient(Immunization immunization, Source source, List<Problem> problems) {
        Reference reference = immunization.getPatient();
        String path = source.path() + ".patient";
        if (!reference.hasReference()) {
            problems.add(Problem.error(
                    "required",
                    reference.hasIdentifier()
                            ? "Immunization.patient is a logical reference (identifier only); send the Patient with it"
                            : "Immunization.patient is missing",
                    path));
            return null;
        }
        Optional<Resource> resolved = resolve(immunization, reference, source);
        if (resolved.isEmpty()) {
            problems.add(Problem.error(
                    "not-found",
                    "Immunization.patient reference " + describe(reference.getReference())
                            + " does not resolve to a Patient sent with the Immunization",
                    path));
            return null;
        }
        if (!(resolved.get() instanceof Patient patient)) {
            problems.add(Problem.error(
                    "structure",
                    "Immunization.patient refers to a " + resolved.get().fhirType() + ", not a Patient",
                    path));
            return null;
        }
        return RecipientMapper.map(patient, path + ".resolve()", problems).orElse(null);
    }

    /** A reference for a diagnostic: conditional references carry search values (identifiers), so not those. */
    private static String describe(String reference) {
        int query = reference.indexOf('?');
        return query >= 0 ? "'" + reference.substring(0, query) + "?…' (conditional)" : "'" + reference + "'";
    }

    private static Optional<Resource> resolve(Immunization immunization, Reference reference, Source source) {
        String target = reference.getReference();
        if (target == null || target.isBlank()) {
            return Optional.empty();
        }
        if (target.startsWith("#")) {
            String id = target.substring(1);
            return immunization.getContained().stream()
                    .filter(r -> id.equals(r.getIdElement().getIdPart()) || target.equals(r.getId()))
                    .findFirst();
        }
        return source.resolver().resolve(target, source.fullUrl());
    }

    private LocalDate occurrence(Immunization immunization, String path, List<Problem> problems) {
        Type occurrence = immunization.getOccurrence();
        LocalDate date = null;
        if (occurrence instanceof DateTimeType dateTime && dateTime.getValueAsString() != null) {
            if (dateTime.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
                problems.add(Problem.error(
                        "value",
                        "occurrenceDateTime must give at least the day of vaccination",
                        path + ".occurrenceDateTime"));
                return null;
            }
            // the FHIR parser lets through years it cannot mean (a sign, fewer digits): those are a sender's error
            date = dateFromText(dateTime.getValueAsString());
            if (date == null) {
                problems.add(Problem.error(
                        "value", "occurrenceDateTime is not a date (YYYY-MM-DD)", path + ".occurrenceDateTime"));
                return null;
            }
        } else if (occurrence instanceof StringType text && text.getValue() != null) {
            date = dateFromText(text.getValue());
            if (date == null) {
                problems.add(Problem.error(
                        "value",
                        "occurrenceString is not a date (YYYY-MM-DD, optionally with a time)",
                        path + ".occurrenceString"));
                return null;
            }
        }
        if (date == null) {
            problems.add(Problem.error(
                    "required",
                    "Immunization.occurrence[x] is missing: the date of vaccination is required",
                    path + ".occurrence"));
            return null;
        }
        if (date.isAfter(LocalDate.now(clock).plusDays(1))) {
            problems.add(
                    Problem.error("business-rule", "the date of vaccination is in the future", path + ".occurrence"));
            return null;
        }
        return date;
    }

    private static LocalDate dateFromText(String text) {
        String trimmed = text.trim();
        if (trimmed.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(trimmed.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer positiveWholeNumber(Type value, String path, List<Problem> problems) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String text = value.primitiveValue();
        String element = path + (value instanceof StringType ? "String" : "PositiveInt");
        if (text == null) {
            problems.add(
                    Problem.error("value", element.substring(element.lastIndexOf('.') + 1) + " has no value", element));
            return null;
        }
        try {
            int number = Integer.parseInt(text.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Problem.error(
                "value",
                element.substring(element.lastIndexOf('.') + 1) + " must be a whole number of at least 1",
                element));
        return null;
    }

    private static Code disease(
            Optional<Programme> programme, Immunization.ImmunizationProtocolAppliedComponent protocol) {
        if (programme.isPresent() && programme.get().disease() != null) {
            return programme.get().disease();
        }
        if (protocol != null) {
            for (CodeableConcept disease : protocol.getTargetDisease()) {
                for (Coding coding : disease.getCoding()) {
                    if (coding.hasCode()) {
                        return new Code(coding.getSystem(), coding.getCode(), coding.getDisplay());
                    }
                }
            }
        }
        return null;
    }

    private static Code manufacturer(Immunization immunization, Source source) {
        Reference reference = immunization.getManufacturer();
        if (reference.isEmpty()) {
            return null;
        }
        Optional<Resource> resolved = resolve(immunization, reference, source);
        if (resolved.isPresent() && resolved.get() instanceof Organization organization) {
            Identifier identifier = organization.getIdentifierFirstRep();
            String display = organization.hasName() ? organization.getName() : reference.getDisplay();
            if (identifier.hasValue()) {
                return new Code(identifier.getSystem(), identifier.getValue(), display);
            }
            if (display != null) {
                return new Code(null, display, display);
            }
        }
        if (reference.hasIdentifier() && reference.getIdentifier().hasValue()) {
            return new Code(
                    reference.getIdentifier().getSystem(),
                    reference.getIdentifier().getValue(),
                    reference.getDisplay());
        }
        return reference.hasDisplay() ? new Code(null, reference.getDisplay(), reference.getDisplay()) : null;
    }

    /** The Location, else the performing Organization. */
    private static Facility facility(Immunization immunization, Source source) {
        Reference location = immunization.getLocation();
        if (!location.isEmpty()) {
            Optional<Resource> resolved = resolve(immunization, location, source);
            if (resolved.isPresent() && resolved.get() instanceof Location place) {
                return new Facility(
                        identifierOrId(place.getIdentifier(), place),
                        place.hasName() ? place.getName() : location.getDisplay(),
                        place.hasAddress() ? RecipientMapper.address(place.getAddress()) : null);
            }
            if (location.hasDisplay()) {
                return new Facility(
                        location.hasIdentifier() ? location.getIdentifier().getValue() : null,
                        location.getDisplay(),
                        null);
            }
        }
        for (Immunization.ImmunizationPerformerComponent performer : immunization.getPerformer()) {
            Optional<Resource> actor = resolve(immunization, performer.getActor(), source);
            if (actor.isPresent() && actor.get() instanceof Organization organization) {
                return organizationFacility(organization, performer.getActor());
            }
            if (actor.isPresent() && actor.get() instanceof PractitionerRole role && role.hasOrganization()) {
                Optional<Resource> organization = resolve(immunization, role.getOrganization(), source);
                if (organization.isPresent() && organization.get() instanceof Organization org) {
                    return organizationFacility(org, role.getOrganization());
                }
            }
        }
        return null;
    }

    private static Facility organizationFacility(Organization organization, Reference reference) {
        return new Facility(
                identifierOrId(organization.getIdentifier(), organization),
                organization.hasName() ? organization.getName() : reference.getDisplay(),
                organization.hasAddress() ? RecipientMapper.address(organization.getAddressFirstRep()) : null);
    }

    private static Practitioner practitioner(Immunization immunization, Source source) {
        for (Immunization.ImmunizationPerformerComponent performer : immunization.getPerformer()) {
            Optional<Resource> actor = resolve(immunization, performer.getActor(), source);
            Resource person = actor.orElse(null);
            if (person instanceof PractitionerRole role && role.hasPractitioner()) {
                person = resolve(immunization, role.getPractitioner(), source).orElse(null);
            }
            if (person instanceof org.hl7.fhir.r4.model.Practitioner practitioner) {
                String name = practitioner.getName().stream()
                        .findFirst()
                        .map(HumanName::getNameAsSingleString)
                        .filter(n -> !n.isBlank())
                        .orElse(performer.getActor().getDisplay());
                return new Practitioner(identifierOrId(practitioner.getIdentifier(), practitioner), name);
            }
            Reference reference = performer.getActor();
            if (actor.isEmpty()
                    && reference.hasDisplay()
                    && reference.hasReference()
                    && reference.getReference().contains("Practitioner/")) {
                return new Practitioner(null, reference.getDisplay());
            }
        }
        return null;
    }

    private static String identifierOrId(List<Identifier> identifiers, Resource resource) {
        return identifiers.stream()
                .filter(Identifier::hasValue)
                .findFirst()
                .map(i -> i.hasSystem() ? i.getSystem() + "|" + i.getValue() : i.getValue())
                .orElse(resource.getIdElement().getIdPart());
    }

    private String country(Facility facility) {
        if (facility != null && facility.address() != null && facility.address().country() != null) {
            Optional<String> alpha2 = Countries.alpha2(facility.address().country());
            if (alpha2.isPresent()) {
                return alpha2.get();
            }
        }
        return settings.defaultCountry();
    }

    /**
     * The sender's stable id of the record: {@code system|value} of the first official, usual or use-less
     * identifier; else {@code Immunization/<id>} (from the resource id or an absolute {@code fullUrl}); else
     * {@code sha256:<hex>} of the resource's canonical JSON without {@code id} and {@code meta}.
     */
    public String sourceRecordId(Immunization immunization, Source source) {
        for (Identifier.IdentifierUse use :
                new Identifier.IdentifierUse[] {Identifier.IdentifierUse.OFFICIAL, Identifier.IdentifierUse.USUAL, null
                }) {
            for (Identifier identifier : immunization.getIdentifier()) {
                if (identifier.getUse() == use && identifier.hasValue()) {
                    return identifier.hasSystem()
                            ? identifier.getSystem() + "|" + identifier.getValue()
                            : identifier.getValue();
                }
            }
        }
        String id = immunization.getIdElement().getIdPart();
        if (id == null
                && source.fullUrl() != null
                && !source.fullUrl().startsWith("urn:")
                && source.fullUrl().contains("/Immunization/")) {
            String tail = source.fullUrl()
                    .substring(source.fullUrl().lastIndexOf("/Immunization/") + "/Immunization/".length());
            int slash = tail.indexOf('/');
            id = slash >= 0 ? tail.substring(0, slash) : tail;
        }
        if (id != null && !id.isBlank()) {
            return "Immunization/" + id;
        }
        Immunization canonical = immunization.copy();
        canonical.setIdElement(null);
        canonical.setMeta(null);
        String json = fhirContext.newJsonParser().setPrettyPrint(false).encodeResourceToString(canonical);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static Submission.Rejected reject(Source source, Problem problem) {
        return new Submission.Rejected(source.entryRef(), 422, List.of(problem));
    }
}

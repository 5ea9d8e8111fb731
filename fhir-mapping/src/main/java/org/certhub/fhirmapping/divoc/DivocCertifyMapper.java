package org.certhub.fhirmapping.divoc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.certhub.fhirmapping.Countries;
import org.certhub.fhirmapping.FhirIngestionSettings;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.fhirmapping.Problem;
import org.certhub.fhirmapping.Submission;
import org.certhub.fhirmapping.valueset.Programme;
import org.certhub.fhirmapping.valueset.VaccineDefinition;
import org.certhub.fhirmapping.valueset.ValueSets;
import org.certhub.model.Address;
import org.certhub.model.Code;
import org.certhub.model.ContactPoint;
import org.certhub.model.Facility;
import org.certhub.model.Gender;
import org.certhub.model.Identifier;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Practitioner;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;

/**
 * DIVOC's certify request ({@code POST /divoc/api/v1/certify}: a JSON array of certification requests) to a
 * {@link Submission}, one entry per request, each on its own (DIVOC certifies each request separately). A
 * request missing a field DIVOC requires is rejected with one problem per field, whose expression is the
 * field's JSON path (e.g. {@code $[0].recipient.identity}). Thread-safe.
 *
 * <p>DIVOC's rules kept: when only {@code recipient.age} is known, the birth date is the administrative
 * {@code (current year - age)-01-01}; the identity ({@code did:in.gov.uidai.aadhaar:1111…}) becomes an identifier
 * whose system is the DID prefix; {@code tel:}/{@code mailto:} contacts become phone and email contact points; a
 * dose is identified by {@code preEnrollmentCode|programme|dose} (DIVOC's duplicate rule), the event's
 * {@code sourceRecordId}.
 */
public final class DivocCertifyMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ADDRESS_REQUIRED = List.of("addressLine1", "district", "state", "pincode");

    private final ValueSets valueSets;
    private final FhirIngestionSettings settings;
    private final Clock clock;

    public DivocCertifyMapper(ValueSets valueSets, FhirIngestionSettings settings) {
        this(valueSets, settings, Clock.systemUTC());
    }

    public DivocCertifyMapper(ValueSets valueSets, FhirIngestionSettings settings, Clock clock) {
        this.valueSets = Objects.requireNonNull(valueSets, "valueSets");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** 400 when the body is not a JSON array, 413 when too large, 422 when it is empty; else one entry per request. */
    public Submission read(String body, String sourceSystem) {
        if (body != null && body.length() > settings.maxInputChars()) {
            throw new FhirInputException(
                    413,
                    List.of(Problem.error(
                            "too-costly", "the body exceeds " + settings.maxInputChars() + " characters", null)));
        }
        JsonNode requests;
        try {
            requests = body == null ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            throw new FhirInputException(400, List.of(Problem.error("structure", "the body is not JSON", "$")));
        }
        if (requests == null || !requests.isArray()) {
            throw new FhirInputException(
                    400, List.of(Problem.error("structure", "expected a JSON array of certification requests", "$")));
        }
        if (requests.isEmpty()) {
            throw new FhirInputException(
                    422, List.of(Problem.error("required", "the array holds no certification request", "$")));
        }
        List<Submission.Entry> entries = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String path = "$[" + i + "]";
            try {
                entries.add(map(requests.get(i), path, sourceSystem));
            } catch (IllegalArgumentException | DateTimeException e) {
                entries.add(new Submission.Rejected(
                        path,
                        422,
                        List.of(Problem.error(
                                "value", "a value of the request does not fit the certificate data set", path))));
            }
        }
        return new Submission(Submission.Kind.BATCH, entries);
    }

    private Submission.Entry map(JsonNode request, String path, String sourceSystem) {
        if (!request.isObject()) {
            return new Submission.Rejected(
                    path, 422, List.of(Problem.error("structure", "a request must be a JSON object", path)));
        }
        List<Problem> problems = new ArrayList<>();
        String preEnrollmentCode = required(request, "preEnrollmentCode", path, problems);
        JsonNode recipient = object(request, "recipient", path, problems);
        JsonNode vaccination = object(request, "vaccination", path, problems);
        JsonNode vaccinator = object(request, "vaccinator", path, problems);
        JsonNode facility = object(request, "facility", path, problems);

        String name = required(recipient, "name", path + ".recipient", problems);
        required(recipient, "nationality", path + ".recipient", problems);
        String identity = required(recipient, "identity", path + ".recipient", problems);
        JsonNode contact = recipient.path("contact");
        if (!contact.isArray() || contact.isEmpty()) {
            problems.add(Problem.error(
                    "required",
                    "recipient.contact must list at least one tel: or mailto: contact",
                    path + ".recipient.contact"));
        }
        Address recipientAddress = address(
                object(recipient, "address", path + ".recipient", problems), path + ".recipient.address", problems);
        String vaccineName = required(vaccination, "name", path + ".vaccination", problems);
        String manufacturer = required(vaccination, "manufacturer", path + ".vaccination", problems);
        LocalDate date = dateTime(
                required(vaccination, "date", path + ".vaccination", problems), path + ".vaccination.date", problems);
        date(
                required(vaccination, "effectiveStart", path + ".vaccination", problems),
                path + ".vaccination.effectiveStart",
                problems);
        date(
                required(vaccination, "effectiveUntil", path + ".vaccination", problems),
                path + ".vaccination.effectiveUntil",
                problems);
        Integer dose = atLeastOne(vaccination, "dose", path + ".vaccination", problems);
        Integer totalDoses = atLeastOne(vaccination, "totalDoses", path + ".vaccination", problems);
        String vaccinatorName = required(vaccinator, "name", path + ".vaccinator", problems);
        String facilityName = required(facility, "name", path + ".facility", problems);
        Address facilityAddress = address(
                object(facility, "address", path + ".facility", problems), path + ".facility.address", problems);
        PartialDate birthDate = birthDate(recipient, path + ".recipient", problems);

        Optional<VaccineDefinition> vaccine = valueSets.byName(vaccineName);
        Optional<Programme> programme = vaccine.map(VaccineDefinition::programme)
                .or(() -> valueSets.programme(text(request, "programId")))
                .or(() -> valueSets.programme(settings.defaultProgrammeId()));
        String programmeId = programme.map(Programme::id).orElse(settings.defaultProgrammeId());
        if (vaccineName != null && vaccine.isEmpty() && !settings.allowsUnknownVaccines(programmeId)) {
            problems.add(Problem.error(
                    "code-invalid",
                    "unknown vaccine name '" + vaccineName
                            + "': not in the configured value sets, and programme " + programmeId
                            + " does not accept unknown vaccines",
                    path + ".vaccination.name"));
        }
        if (!problems.isEmpty()) {
            return new Submission.Rejected(path, 422, problems);
        }
        if (programme.isPresent() && !programme.get().certifies()) {
            return new Submission.Ignored(
                    path, programmeId, "doses of programme " + programmeId + " are not certified");
        }
        if (date.isAfter(LocalDate.now(clock).plusDays(1))) {
            return new Submission.Rejected(
                    path,
                    422,
                    List.of(Problem.error(
                            "business-rule", "the date of vaccination is in the future", path + ".vaccination.date")));
        }

        Recipient person = new Recipient(
                new PersonName(List.of(), null, name),
                birthDate,
                gender(text(recipient, "gender")),
                List.of(identifier(identity)),
                contacts(contact),
                recipientAddress,
                Countries.alpha2(text(recipient, "nationality")).orElse(text(recipient, "nationality")));
        Code vaccineCode = vaccine.map(VaccineDefinition::vaccineCode).orElse(new Code(null, vaccineName, vaccineName));
        Code manufacturerCode =
                vaccine.map(VaccineDefinition::manufacturer).orElse(new Code(null, manufacturer, manufacturer));
        String country = facilityAddress != null && facilityAddress.country() != null
                ? Countries.alpha2(facilityAddress.country()).orElse(settings.defaultCountry())
                : settings.defaultCountry();
        Vaccination dosing = new Vaccination(
                vaccineCode,
                vaccine.map(VaccineDefinition::product).orElse(null),
                manufacturerCode,
                programme.map(Programme::disease).orElse(null),
                text(vaccination, "batch"),
                date,
                dose,
                totalDoses,
                country,
                null);
        VaccinationEvent event = new VaccinationEvent(
                sourceSystem,
                preEnrollmentCode + "|" + programmeId + "|" + dose,
                null,
                programmeId,
                person,
                dosing,
                new Facility(null, facilityName, facilityAddress),
                new Practitioner(null, vaccinatorName));
        return new Submission.Accepted(path, event);
    }

    /** {@code dob}, else DIVOC's administrative birth date {@code (current year - age)-01-01}. */
    private PartialDate birthDate(JsonNode recipient, String path, List<Problem> problems) {
        String dob = text(recipient, "dob");
        if (dob != null) {
            try {
                return new PartialDate(dob.length() > 10 ? dob.substring(0, 10) : dob);
            } catch (IllegalArgumentException | DateTimeException e) {
                problems.add(Problem.error("value", "recipient.dob must be a date (YYYY-MM-DD)", path + ".dob"));
                return null;
            }
        }
        JsonNode age = recipient.get("age");
        if (age == null || age.isNull() || age.asText().isBlank()) {
            return null;
        }
        int years;
        try {
            years = Integer.parseInt(age.asText().trim());
        } catch (NumberFormatException e) {
            years = -1;
        }
        if (years < 0 || years > 150) {
            problems.add(Problem.error("value", "recipient.age must be a whole number of years", path + ".age"));
            return null;
        }
        return new PartialDate(
                String.format(Locale.ROOT, "%04d-01-01", Year.now(clock).getValue() - years));
    }

    /** {@code did:in.gov.uidai.aadhaar:111122223344} to an identifier of system {@code did:in.gov.uidai.aadhaar}. */
    static Identifier identifier(String identity) {
        String system = null;
        String value = identity;
        int last = identity.lastIndexOf(':');
        if (identity.startsWith("did:") && last > "did:".length()) {
            system = identity.substring(0, last);
            value = identity.substring(last + 1);
        }
        String hint = (system == null ? "" : system).toLowerCase(Locale.ROOT);
        Identifier.IdentifierType type = hint.contains("passport")
                ? Identifier.IdentifierType.PASSPORT
                : hint.contains("aadhaar") || hint.contains("national")
                        ? Identifier.IdentifierType.NATIONAL_ID
                        : Identifier.IdentifierType.OTHER;
        return new Identifier(type, system, value.isEmpty() ? identity : value);
    }

    private static List<ContactPoint> contacts(JsonNode contact) {
        List<ContactPoint> contacts = new ArrayList<>();
        for (JsonNode node : contact) {
            String value = node.asText("").trim();
            if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
                contacts.add(new ContactPoint(ContactPoint.Channel.EMAIL, value.substring(7)));
            } else if (value.regionMatches(true, 0, "tel:", 0, 4)) {
                contacts.add(new ContactPoint(ContactPoint.Channel.PHONE, value.substring(4)));
            } else if (value.contains("@")) {
                contacts.add(new ContactPoint(ContactPoint.Channel.EMAIL, value));
            } else if (!value.isEmpty()) {
                contacts.add(new ContactPoint(ContactPoint.Channel.PHONE, value));
            }
        }
        return contacts;
    }

    private static Gender gender(String gender) {
        if (gender == null) {
            return Gender.UNKNOWN;
        }
        return switch (gender.trim().toLowerCase(Locale.ROOT)) {
            case "male", "m" -> Gender.MALE;
            case "female", "f" -> Gender.FEMALE;
            case "other", "o" -> Gender.OTHER;
            default -> Gender.UNKNOWN;
        };
    }

    private static Address address(JsonNode address, String path, List<Problem> problems) {
        if (address == null || !address.isObject() || address.isEmpty()) {
            return null; // a missing address is reported by object(...)
        }
        for (String field : ADDRESS_REQUIRED) {
            required(address, field, path, problems);
        }
        List<String> lines = Stream.of(text(address, "addressLine1"), text(address, "addressLine2"))
                .filter(Objects::nonNull)
                .toList();
        String country = text(address, "country");
        return new Address(
                lines,
                null,
                text(address, "district"),
                text(address, "state"),
                text(address, "pincode"),
                country == null ? null : Countries.alpha2(country).orElse(country));
    }

    private static JsonNode object(JsonNode parent, String field, String path, List<Problem> problems) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            problems.add(Problem.error("required", field + " is required (an object)", path + "." + field));
            return JSON.createObjectNode();
        }
        return node;
    }

    private static String required(JsonNode parent, String field, String path, List<Problem> problems) {
        String value = text(parent, field);
        if (value == null) {
            problems.add(Problem.error("required", field + " is required", path + "." + field));
        }
        return value;
    }

    private static Integer atLeastOne(JsonNode parent, String field, String path, List<Problem> problems) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            problems.add(Problem.error("required", field + " is required", path + "." + field));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1) {
            problems.add(Problem.error("value", field + " must be a whole number of at least 1", path + "." + field));
            return null;
        }
        return node.asInt();
    }

    private static LocalDate dateTime(String value, String path, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException notOffset) {
            return date(value, path, problems);
        }
    }

    private static LocalDate date(String value, String path, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            problems.add(Problem.error("value", "not a date (YYYY-MM-DD, or a date-time)", path));
            return null;
        }
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String value = node.asText().trim();
        return value.isEmpty() ? null : value;
    }
}

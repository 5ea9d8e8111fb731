package org.certhub.fhirmapping;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.certhub.model.Address;
import org.certhub.model.ContactPoint;
import org.certhub.model.Gender;
import org.certhub.model.Identifier;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/** FHIR R4 {@code Patient} to the certificate's {@link Recipient}. */
public final class RecipientMapper {

    private static final String NATIONALITY = "http://hl7.org/fhir/StructureDefinition/patient-nationality";
    private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    private static final String BCP_47 = "urn:ietf:bcp:47";

    private RecipientMapper() {}

    /**
     * Maps a Patient; adds a problem (and answers empty) when it lacks what a certificate must show: a name.
     *
     * @param path the FHIRPath of the Patient in the input, e.g. {@code Bundle.entry[0].resource}
     */
    public static Optional<Recipient> map(Patient patient, String path, List<Problem> problems) {
        Optional<PersonName> name = name(patient.getName());
        if (name.isEmpty()) {
            problems.add(Problem.error(
                    "required",
                    "the Patient has no name (family, given or text) to print on a certificate",
                    path + ".name"));
            return Optional.empty();
        }
        PartialDate birthDate = null;
        if (patient.hasBirthDateElement() && patient.getBirthDateElement().getValueAsString() != null) {
            String iso = patient.getBirthDateElement().getValueAsString();
            try {
                birthDate = new PartialDate(iso);
            } catch (IllegalArgumentException | DateTimeException e) {
                problems.add(Problem.error(
                        "value",
                        "birthDate is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
                        path + ".birthDate"));
                return Optional.empty();
            }
        }
        return Optional.of(new Recipient(
                name.get(),
                birthDate,
                gender(patient.getGender()),
                identifiers(patient),
                contacts(patient),
                address(patient),
                nationality(patient),
                language(patient)));
    }

    /** The official name, else the usual one, else any current one; an old or maiden name only as a last resort. */
    static Optional<PersonName> name(List<HumanName> names) {
        return names.stream()
                .filter(n -> n.hasFamily() || n.hasGiven() || n.hasText())
                .min(Comparator.comparingInt(RecipientMapper::namePreference))
                .map(n -> new PersonName(
                        n.getGiven().stream()
                                .map(StringType::getValue)
                                .filter(g -> g != null && !g.isBlank())
                                .toList(),
                        blankToNull(n.getFamily()),
                        blankToNull(n.getText())));
    }

    private static int namePreference(HumanName name) {
        if (name.getUse() == null) {
            return 2;
        }
        return switch (name.getUse()) {
            case OFFICIAL -> 0;
            case USUAL -> 1;
            case NICKNAME, ANONYMOUS, TEMP -> 4;
            case OLD, MAIDEN -> 5;
            default -> 3;
        };
    }

    private static Gender gender(AdministrativeGender gender) {
        if (gender == null) {
            return Gender.UNKNOWN;
        }
        return switch (gender) {
            case MALE -> Gender.MALE;
            case FEMALE -> Gender.FEMALE;
            case OTHER -> Gender.OTHER;
            default -> Gender.UNKNOWN;
        };
    }

    static List<Identifier> identifiers(Patient patient) {
        List<Identifier> identifiers = new ArrayList<>();
        for (org.hl7.fhir.r4.model.Identifier identifier : patient.getIdentifier()) {
            if (!identifier.hasValue() || identifier.getUse() == org.hl7.fhir.r4.model.Identifier.IdentifierUse.OLD) {
                continue;
            }
            identifiers.add(new Identifier(identifierType(identifier), identifier.getSystem(), identifier.getValue()));
        }
        return identifiers;
    }

    /** The kind of an identifier, from its v2-0203 type code, else from hints in its system URI. */
    static Identifier.IdentifierType identifierType(org.hl7.fhir.r4.model.Identifier identifier) {
        for (Coding coding : identifier.getType().getCoding()) {
            if (coding.getSystem() != null && !V2_0203.equals(coding.getSystem())) {
                continue;
            }
            String code = coding.getCode() == null ? "" : coding.getCode().toUpperCase(Locale.ROOT);
            switch (code) {
                case "PPN":
                    return Identifier.IdentifierType.PASSPORT;
                case "NI", "NNXXX", "SS", "CZ", "SB":
                    return Identifier.IdentifierType.NATIONAL_ID;
                case "MR", "MRT", "PI":
                    return Identifier.IdentifierType.MEDICAL_RECORD;
                case "JHN", "HC", "HI", "SN":
                    return Identifier.IdentifierType.HEALTH_ID;
                default:
                    if (code.length() == 5 && code.startsWith("NN")) {
                        return Identifier.IdentifierType.NATIONAL_ID; // NNxxx: national number of country xxx
                    }
            }
        }
        String hints = ((identifier.getSystem() == null ? "" : identifier.getSystem()) + " "
                        + (identifier.getType().getText() == null
                                ? ""
                                : identifier.getType().getText()))
                .toLowerCase(Locale.ROOT);
        if (hints.contains("passport")) {
            return Identifier.IdentifierType.PASSPORT;
        }
        if (hints.contains("national") || hints.contains("aadhaar") || hints.contains("uidai")) {
            return Identifier.IdentifierType.NATIONAL_ID;
        }
        return Identifier.IdentifierType.OTHER;
    }

    private static List<ContactPoint> contacts(Patient patient) {
        List<ContactPoint> contacts = new ArrayList<>();
        for (org.hl7.fhir.r4.model.ContactPoint telecom : patient.getTelecom()) {
            if (!telecom.hasValue()
                    || telecom.getSystem() == null
                    || telecom.getUse() == org.hl7.fhir.r4.model.ContactPoint.ContactPointUse.OLD
                    || telecom.hasPeriod() && telecom.getPeriod().hasEnd()) {
                continue;
            }
            String value = telecom.getValue().trim();
            switch (telecom.getSystem()) {
                case EMAIL -> contacts.add(new ContactPoint(ContactPoint.Channel.EMAIL, stripScheme(value, "mailto:")));
                case PHONE, SMS ->
                    contacts.add(new ContactPoint(ContactPoint.Channel.PHONE, stripScheme(value, "tel:")));
                default -> {
                    // fax, pager, url, other: nowhere to deliver a certificate
                }
            }
        }
        // mobile numbers first: they can take an SMS
        contacts.sort(Comparator.comparingInt(c -> c.channel() == ContactPoint.Channel.PHONE ? 1 : 0));
        return contacts;
    }

    private static String stripScheme(String value, String scheme) {
        return value.regionMatches(true, 0, scheme, 0, scheme.length()) ? value.substring(scheme.length()) : value;
    }

    private static Address address(Patient patient) {
        return patient.getAddress().stream()
                .filter(a -> a.getUse() != org.hl7.fhir.r4.model.Address.AddressUse.OLD)
                .min(Comparator.comparingInt(a -> a.getUse() == org.hl7.fhir.r4.model.Address.AddressUse.HOME ? 0 : 1))
                .map(RecipientMapper::address)
                .orElse(null);
    }

    /** A FHIR address in the model; the country as ISO alpha-2 when recognisable, else as written. */
    public static Address address(org.hl7.fhir.r4.model.Address address) {
        String country =
                address.hasCountry() ? Countries.alpha2(address.getCountry()).orElse(address.getCountry()) : null;
        return new Address(
                address.getLine().stream()
                        .map(StringType::getValue)
                        .filter(l -> l != null && !l.isBlank())
                        .toList(),
                blankToNull(address.getCity()),
                blankToNull(address.getDistrict()),
                blankToNull(address.getState()),
                blankToNull(address.getPostalCode()),
                country);
    }

    private static String nationality(Patient patient) {
        for (Extension extension : patient.getExtensionsByUrl(NATIONALITY)) {
            for (Extension code : extension.getExtensionsByUrl("code")) {
                if (code.getValue() instanceof CodeableConcept concept) {
                    for (Coding coding : concept.getCoding()) {
                        Optional<String> alpha2 = Countries.alpha2(coding.getCode());
                        if (alpha2.isPresent()) {
                            return alpha2.get();
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * The language of {@code Patient.communication}: the entry marked preferred, else the first; its coding of
     * system {@code urn:ietf:bcp:47} (or of no system) as a well-formed BCP 47 tag ({@code hi}, {@code fr-FR}), else
     * null. A language the record names in another code system or ill-formed is no language: the certificate is
     * still issued, in the programme's language.
     */
    static String language(Patient patient) {
        return patient.getCommunication().stream()
                .filter(Patient.PatientCommunicationComponent::hasLanguage)
                .min(Comparator.comparingInt(c -> c.getPreferred() ? 0 : 1))
                .flatMap(communication -> communication.getLanguage().getCoding().stream()
                        .filter(coding -> coding.getSystem() == null || BCP_47.equals(coding.getSystem()))
                        .map(Coding::getCode)
                        .map(RecipientMapper::languageTag)
                        .flatMap(Optional::stream)
                        .findFirst())
                .orElse(null);
    }

    private static Optional<String> languageTag(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(code.trim()).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package org.certhub.fhirmapping.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.model.Address;
import org.certhub.model.Certificate;
import org.certhub.model.Facility;
import org.certhub.model.Practitioner;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.ImmunizationRecommendation;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A certificate as a WHO DDCC:VS document (WHO Digital Documentation of COVID-19 Certificates IG 1.0,
 * {@code http://smart.who.int/ddcc}): a {@code document} Bundle of a DDCC:VS Composition, the Patient, the
 * issuing Organization (author, attester and protocol authority), the Immunization with the DDCC extensions
 * (brand, market authorisation holder, country of vaccination as ISO 3166-1 alpha-3), the administering centre
 * as a Location, and an ImmunizationRecommendation when the next dose is due.
 * <p>
 * Entries are addressed by {@code urn:uuid:} full URLs derived from the certificate id, so writing the same
 * certificate twice gives the same document. Thread-safe.
 */
public final class DdccDocumentWriter {

    static final String DDCC = "http://smart.who.int/ddcc/";
    static final String PROFILE = DDCC + "StructureDefinition/";
    static final String EXT_BRAND = PROFILE + "DDCCEventBrand";
    static final String EXT_MARKET_AUTHORIZATION = PROFILE + "DDCCVaccineMarketAuthorization";
    static final String EXT_COUNTRY = PROFILE + "DDCCCountryOfEvent";
    static final String CATEGORY_SYSTEM = DDCC + "CodeSystem/DDCCCompositionCategoryCodeSystem";
    static final String LOINC = "http://loinc.org";
    static final String TITLE = "Digital Documentation of COVID-19 Certificate (DDCC)";
    /** ICD-11 MMS as FHIR names it, and the URI the WHO DDCC IG uses. */
    static final java.util.Set<String> ICD11_SYSTEMS =
            java.util.Set.of("http://id.who.int/icd11/mms", "http://id.who.int/icd/release/11/mms");

    /**
     * @param certificateIdSystem the identifier system (a URI) of certificate ids: the document's and the
     *                            Composition's identifier
     * @param certificateBaseUrl  where certificates are published; the document's {@code publication} link (the
     *                            DDCC health certificate identifier) is this followed by the certificate id
     * @param issuerName          the public health authority that issues the certificates
     * @param issuerCountry       the issuer's country, ISO 3166-1 alpha-2 or alpha-3
     */
    public record Settings(
            String certificateIdSystem, String certificateBaseUrl, String issuerName, String issuerCountry) {
        public Settings {
            requireText(certificateIdSystem, "certificateIdSystem");
            requireText(certificateBaseUrl, "certificateBaseUrl");
            requireText(issuerName, "issuerName");
            requireText(issuerCountry, "issuerCountry");
        }

        private static void requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is required");
            }
        }
    }

    private final FhirContext fhir;
    private final Settings settings;

    /** @param fhir the application's shared R4 context (creating one costs about a second) */
    public DdccDocumentWriter(FhirContext fhir, Settings settings) {
        this.fhir = Objects.requireNonNull(fhir, "fhir");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The document encoded as JSON or XML. */
    public String encode(Certificate certificate, FhirEncoding encoding) {
        IParser parser = encoding == FhirEncoding.XML ? fhir.newXmlParser() : fhir.newJsonParser();
        return parser.encodeResourceToString(document(certificate));
    }

    /** The document as HAPI structures. */
    public Bundle document(Certificate certificate) {
        Recipient recipient = certificate.recipient();
        Vaccination vaccination = certificate.vaccination();
        Date issued = Date.from(certificate.issuedAt());

        Entry patient = new Entry(urn(certificate, "Patient"), patient(recipient));
        Entry issuer = new Entry(urn(certificate, "Organization"), issuer());
        Facility facility = certificate.event().facility();
        Entry centre = facility == null ? null : new Entry(urn(certificate, "Location"), location(facility));
        Entry immunization =
                new Entry(urn(certificate, "Immunization"), immunization(certificate, patient, issuer, centre));
        Entry recommendation = vaccination.nextDoseDue() == null
                ? null
                : new Entry(
                        urn(certificate, "ImmunizationRecommendation"),
                        recommendation(vaccination, issued, patient, immunization));
        Entry composition = new Entry(
                urn(certificate, "Composition"),
                composition(certificate, issued, patient, issuer, immunization, recommendation));

        Bundle bundle = new Bundle().setType(Bundle.BundleType.DOCUMENT);
        bundle.getMeta().addProfile(PROFILE + "DDCCVSDocument");
        bundle.setIdentifier(certificateIdentifier(certificate));
        bundle.setTimestamp(issued);
        bundle.addLink().setRelation("publication").setUrl(settings.certificateBaseUrl() + certificate.id());
        for (Entry entry : new Entry[] {composition, patient, issuer, immunization, centre, recommendation}) {
            if (entry != null) {
                bundle.addEntry().setFullUrl(entry.fullUrl()).setResource(entry.resource());
            }
        }
        return bundle;
    }

    private record Entry(String fullUrl, Resource resource) {
        Reference reference() {
            return new Reference(fullUrl);
        }
    }

    private static String urn(Certificate certificate, String resourceType) {
        byte[] name = (certificate.id() + "/" + resourceType).getBytes(StandardCharsets.UTF_8);
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name);
    }

    private Identifier certificateIdentifier(Certificate certificate) {
        return new Identifier().setSystem(settings.certificateIdSystem()).setValue(certificate.id());
    }

    private Composition composition(
            Certificate certificate,
            Date issued,
            Entry patient,
            Entry issuer,
            Entry immunization,
            Entry recommendation) {
        Composition composition = new Composition();
        composition.getMeta().addProfile(PROFILE + "DDCCVSComposition");
        composition.setIdentifier(certificateIdentifier(certificate).setUse(Identifier.IdentifierUse.OFFICIAL));
        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.getType().addCoding(new Coding(LOINC, "82593-5", "Immunization summary report"));
        composition.addCategory().addCoding(new Coding(CATEGORY_SYSTEM, "ddcc-vs", null));
        composition.setSubject(patient.reference());
        composition.setDate(issued);
        composition.addAuthor(issuer.reference());
        composition.setTitle(TITLE);
        composition
                .addAttester()
                .setMode(Composition.CompositionAttestationMode.OFFICIAL)
                .setParty(issuer.reference());
        Composition.SectionComponent section = composition.addSection();
        section.getCode().addCoding(new Coding(LOINC, "11369-6", "History of Immunization Narrative"));
        section.setFocus(immunization.reference());
        section.addEntry(immunization.reference());
        if (recommendation != null) {
            section.addEntry(recommendation.reference());
        }
        return composition;
    }

    private static Patient patient(Recipient recipient) {
        Patient patient = new Patient();
        patient.getMeta().addProfile(PROFILE + "DDCCPatient");
        for (org.certhub.model.Identifier identifier : recipient.identifiers()) {
            patient.addIdentifier().setSystem(identifier.system()).setValue(identifier.value());
        }
        if (recipient.name() != null) {
            patient.addName(FhirElements.name(recipient.name())
                    .setText(recipient.name().fullName())
                    .setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL));
        }
        if (recipient.birthDate() != null) {
            patient.setBirthDateElement(FhirElements.date(recipient.birthDate()));
        }
        patient.setGender(AdministrativeGender.fromCode(recipient.gender().fhirCode()));
        return patient;
    }

    private Organization issuer() {
        Organization organization = new Organization().setName(settings.issuerName());
        // the DDCC:VS certificate issuer identifier: the URL under which the issuer publishes its certificates
        organization.addIdentifier().setSystem("urn:ietf:rfc:3986").setValue(settings.certificateBaseUrl());
        organization.getMeta().addProfile(PROFILE + "DDCCOrganization");
        organization.addAddress().setCountry(FhirElements.alpha3Country(settings.issuerCountry()));
        return organization;
    }

    private static Location location(Facility facility) {
        Location location = new Location().setName(facility.name());
        if (facility.id() != null) {
            location.addIdentifier().setValue(facility.id());
        }
        Address address = facility.address();
        if (address != null) {
            org.hl7.fhir.r4.model.Address fhirAddress = location.getAddress();
            address.lines().forEach(fhirAddress::addLine);
            fhirAddress
                    .setCity(address.city())
                    .setDistrict(address.district())
                    .setState(address.state())
                    .setPostalCode(address.postalCode());
            if (address.country() != null) {
                fhirAddress.setCountry(FhirElements.alpha3Country(address.country()));
            }
        }
        return location;
    }

    private static Immunization immunization(Certificate certificate, Entry patient, Entry issuer, Entry centre) {
        Vaccination vaccination = certificate.vaccination();
        Immunization immunization = new Immunization();
        immunization.getMeta().addProfile(PROFILE + "DDCCImmunization");
        if (vaccination.product() != null) {
            immunization.addExtension(EXT_BRAND, FhirElements.coding(vaccination.product()));
        }
        if (vaccination.manufacturer() != null) {
            immunization.addExtension(EXT_MARKET_AUTHORIZATION, FhirElements.coding(vaccination.manufacturer()));
        }
        if (vaccination.country() != null) {
            immunization.addExtension(EXT_COUNTRY, new CodeType(FhirElements.alpha3Country(vaccination.country())));
        }
        immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        immunization.setVaccineCode(FhirElements.concept(vaccination.vaccine()));
        // the WHO ICD-11 vaccine codes the sender gave travel beside the hub's code
        vaccination.sentCodes().stream()
                .filter(code -> ICD11_SYSTEMS.contains(code.system()) && !code.equals(vaccination.vaccine()))
                .forEach(code -> immunization.getVaccineCode().addCoding(FhirElements.coding(code)));
        immunization.setPatient(patient.reference());
        immunization.setOccurrence(FhirElements.day(vaccination.date()));
        if (centre != null) {
            immunization.setLocation(centre.reference().setDisplay(((Location) centre.resource()).getName()));
        }
        if (vaccination.lot() != null) {
            immunization.setLotNumber(vaccination.lot());
        }
        Practitioner practitioner = certificate.event().practitioner();
        if (practitioner != null) {
            Reference actor = new Reference().setDisplay(practitioner.name());
            if (practitioner.id() != null) {
                actor.setIdentifier(new Identifier().setValue(practitioner.id()));
            }
            immunization.addPerformer().setActor(actor);
        }
        Immunization.ImmunizationProtocolAppliedComponent protocol = immunization.addProtocolApplied();
        protocol.setAuthority(issuer.reference());
        if (vaccination.disease() != null) {
            protocol.addTargetDisease(FhirElements.concept(vaccination.disease()));
        }
        protocol.setDoseNumber(new PositiveIntType(vaccination.doseNumber()));
        if (vaccination.totalDoses() != null) {
            protocol.setSeriesDoses(new PositiveIntType(vaccination.totalDoses()));
        }
        return immunization;
    }

    private static ImmunizationRecommendation recommendation(
            Vaccination vaccination, Date issued, Entry patient, Entry immunization) {
        ImmunizationRecommendation recommendation = new ImmunizationRecommendation();
        recommendation.getMeta().addProfile(PROFILE + "DDCCImmunizationRecommendation");
        recommendation.setPatient(patient.reference());
        recommendation.setDate(issued);
        ImmunizationRecommendation.ImmunizationRecommendationRecommendationComponent due =
                recommendation.addRecommendation();
        due.addVaccineCode(FhirElements.concept(vaccination.vaccine()));
        if (vaccination.disease() != null) {
            due.setTargetDisease(FhirElements.concept(vaccination.disease()));
        }
        due.getForecastStatus()
                .addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/immunization-recommendation-status", "due", null));
        due.addDateCriterion()
                .setCode(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(new Coding(LOINC, "30980-7", null)))
                .setValueElement(new DateTimeType(vaccination.nextDoseDue().toString()));
        due.addSupportingImmunization(immunization.reference());
        return recommendation;
    }
}

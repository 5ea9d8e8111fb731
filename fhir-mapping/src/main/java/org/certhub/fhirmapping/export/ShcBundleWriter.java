package org.certhub.fhirmapping.export;

import java.util.Objects;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.certhub.model.Certificate;
import org.certhub.model.Facility;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * The FHIR Bundle a SMART Health Card carries for one certificate: a {@code collection} of a Patient (name and
 * birth date only) and the Immunization, minimised as the SMART Health Cards specification asks: no
 * {@code id}, {@code meta}, {@code text} or {@code display} of codings, {@code fullUrl} of the form
 * {@code resource:N} and references to them, compact JSON.
 * <p>
 * The certificate id travels as {@code Immunization.identifier} under {@link Settings#certificateIdSystem()}, so
 * that a verifier of this hub's cards can check revocation; the SMART Health Cards minimisation rules leave
 * {@code identifier} in place. Thread-safe.
 */
public final class ShcBundleWriter {

    static final String PATIENT_URL = "resource:0";
    static final String IMMUNIZATION_URL = "resource:1";

    /**
     * @param certificateIdSystem the identifier system (a URI) under which the certificate id is written into
     *                            {@code Immunization.identifier}; the SHC verifier reads it back under the same
     *                            system
     */
    public record Settings(String certificateIdSystem) {
        public Settings {
            if (certificateIdSystem == null || certificateIdSystem.isBlank()) {
                throw new IllegalArgumentException("certificateIdSystem is required");
            }
        }
    }

    private final FhirContext fhir;
    private final Settings settings;

    /** @param fhir the application's shared R4 context (creating one costs about a second) */
    public ShcBundleWriter(FhirContext fhir, Settings settings) {
        this.fhir = Objects.requireNonNull(fhir, "fhir");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The minimal Bundle as compact JSON, ready to be the {@code fhirBundle} of a SMART Health Card. */
    public String bundleJson(Certificate certificate) {
        IParser parser = fhir.newJsonParser().setPrettyPrint(false).setOmitResourceId(true);
        return parser.encodeResourceToString(bundle(certificate));
    }

    /** The minimal Bundle as HAPI structures. */
    public Bundle bundle(Certificate certificate) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl(PATIENT_URL).setResource(patient(certificate.recipient()));
        bundle.addEntry().setFullUrl(IMMUNIZATION_URL).setResource(immunization(certificate));
        return bundle;
    }

    private static Patient patient(Recipient recipient) {
        Patient patient = new Patient();
        if (recipient.name() != null) {
            patient.addName(FhirElements.name(recipient.name()));
        }
        if (recipient.birthDate() != null) {
            patient.setBirthDateElement(FhirElements.date(recipient.birthDate()));
        }
        return patient;
    }

    private Immunization immunization(Certificate certificate) {
        Vaccination vaccination = certificate.vaccination();
        Immunization immunization = new Immunization();
        immunization.addIdentifier().setSystem(settings.certificateIdSystem()).setValue(certificate.id());
        immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        immunization.setVaccineCode(FhirElements.concept(vaccination.vaccine()));
        immunization.setPatient(new Reference(PATIENT_URL));
        immunization.setOccurrence(FhirElements.day(vaccination.date()));
        Facility facility = certificate.event().facility();
        if (facility != null && facility.name() != null && !facility.name().isBlank()) {
            immunization.addPerformer().setActor(new Reference().setDisplay(facility.name()));
        }
        if (vaccination.lot() != null && !vaccination.lot().isBlank()) {
            immunization.setLotNumber(vaccination.lot());
        }
        return immunization;
    }
}

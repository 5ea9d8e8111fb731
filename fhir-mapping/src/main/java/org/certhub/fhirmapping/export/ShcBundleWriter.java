package org.certhub.fhirmapping.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.certhub.model.Code;
import org.certhub.model.Facility;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * The FHIR Bundle a SMART Health Card carries: a {@code collection} of the Patient (name and birth date only) and
 * one Immunization per dose, oldest first, shaped as the HL7 SMART Health Cards vaccination IG's data-minimisation
 * profiles ask: no {@code id}, {@code meta}, {@code text}, {@code identifier} or {@code display} of codings,
 * {@code fullUrl} of the form {@code resource:N} and references to them, compact JSON.
 * <p>
 * Each Immunization's {@code vaccineCode} is the code the sender sent: its CVX coding when it sent one, else its
 * first coding, else the certificate's vaccine code. Thread-safe.
 */
public final class ShcBundleWriter {

    static final String PATIENT_URL = "resource:0";
    static final String CVX = "http://hl7.org/fhir/sid/cvx";

    private static final Comparator<VaccinationEvent> OLDEST_FIRST = Comparator.comparing(
                    (VaccinationEvent dose) -> dose.vaccination().date())
            .thenComparingInt(dose -> dose.vaccination().doseNumber());

    private final FhirContext fhir;

    /** @param fhir the application's shared R4 context (creating one costs about a second) */
    public ShcBundleWriter(FhirContext fhir) {
        this.fhir = Objects.requireNonNull(fhir, "fhir");
    }

    /**
     * The minimal Bundle as compact JSON, ready to be the {@code fhirBundle} of a SMART Health Card.
     *
     * @param recipient the person, as the newest record names them
     * @param doses     the person's doses of one programme, in any order
     * @param maxDoses  at most this many doses, the newest ones (so that a long history still fits one QR code)
     */
    public String bundleJson(Recipient recipient, List<VaccinationEvent> doses, int maxDoses) {
        IParser parser = fhir.newJsonParser().setPrettyPrint(false).setOmitResourceId(true);
        return parser.encodeResourceToString(bundle(recipient, doses, maxDoses));
    }

    /** The minimal Bundle as HAPI structures. */
    public Bundle bundle(Recipient recipient, List<VaccinationEvent> doses, int maxDoses) {
        if (doses.isEmpty() || maxDoses < 1) {
            throw new IllegalArgumentException("a SMART Health Card needs at least one dose");
        }
        List<VaccinationEvent> sorted = doses.stream().sorted(OLDEST_FIRST).toList();
        List<VaccinationEvent> kept = sorted.subList(Math.max(0, sorted.size() - maxDoses), sorted.size());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl(PATIENT_URL).setResource(patient(recipient));
        for (VaccinationEvent dose : kept) {
            String fullUrl = "resource:" + bundle.getEntry().size();
            bundle.addEntry().setFullUrl(fullUrl).setResource(immunization(dose));
        }
        return bundle;
    }

    /** The code a card names the vaccine by: the sender's CVX coding, else its first coding, else the hub's code. */
    static Code cardVaccineCode(Vaccination vaccination) {
        return vaccination.sentCodes().stream()
                .filter(code -> CVX.equals(code.system()))
                .findFirst()
                .or(() -> vaccination.sentCodes().stream().findFirst())
                .orElse(vaccination.vaccine());
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

    private static Immunization immunization(VaccinationEvent dose) {
        Vaccination vaccination = dose.vaccination();
        Immunization immunization = new Immunization();
        immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        immunization.setVaccineCode(FhirElements.concept(cardVaccineCode(vaccination)));
        immunization.setPatient(new Reference(PATIENT_URL));
        immunization.setOccurrence(FhirElements.day(vaccination.date()));
        Facility facility = dose.facility();
        if (facility != null && facility.name() != null && !facility.name().isBlank()) {
            immunization.addPerformer().setActor(new Reference().setDisplay(facility.name()));
        }
        if (vaccination.lot() != null && !vaccination.lot().isBlank()) {
            immunization.setLotNumber(vaccination.lot());
        }
        return immunization;
    }
}

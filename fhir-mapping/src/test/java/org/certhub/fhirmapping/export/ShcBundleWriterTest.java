package org.certhub.fhirmapping.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.certhub.model.Code;
import org.certhub.model.Facility;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.certhub.testdata.SharedTestData;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class ShcBundleWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CVX = "http://hl7.org/fhir/sid/cvx";
    private static final Code SNOMED_MRNA = ExportFixtures.code("http://snomed.info/sct", "1119349007");
    private static final Facility HOSPITAL = new Facility("fac-1", "ABC General Hospital", null);
    private final ShcBundleWriter writer = new ShcBundleWriter(ExportFixtures.FHIR);

    @Test
    void writesTheSpecExampleBundleWithEveryDoseOldestFirstAndTheSendersCvxCodes() throws IOException {
        // The SMART Health Cards spec's example 00: John B. Anyperson's three doses (CVX 207, 207, 229)
        JsonNode expected = JSON.readTree(Files.readString(
                        SharedTestData.require("smart-health-cards").resolve("example-00-c-jws-payload-minified.json")))
                .at("/vc/credentialSubject/fhirBundle");
        VaccinationEvent third = dose("229", "0000001", "2022-09-05", 3);
        VaccinationEvent first = dose("207", "0000001", "2021-01-01", 1);
        VaccinationEvent second = dose("207", "0000007", "2021-01-29", 2);

        String json = writer.bundleJson(first.recipient(), List.of(third, first, second), Integer.MAX_VALUE);

        assertThat(json).doesNotContain("\n", "  ", "\"id\"", "\"meta\"", "\"text\"", "identifier", "1119349007");
        assertThat(JSON.readTree(json)).as("the same JSON, element order aside").isEqualTo(expected);
    }

    @Test
    void keepsTheNewestDosesWhenAskedForFewer() throws IOException {
        List<VaccinationEvent> doses = List.of(
                dose("207", "L1", "2021-01-01", 1),
                dose("207", "L2", "2021-01-29", 2),
                dose("229", "L3", "2022-09-05", 3));

        JsonNode bundle = JSON.readTree(writer.bundleJson(doses.get(0).recipient(), doses, 2));

        assertThat(bundle.get("entry")).hasSize(3);
        assertThat(bundle.at("/entry/1/resource/lotNumber").asText()).isEqualTo("L2");
        assertThat(bundle.at("/entry/2/resource/lotNumber").asText()).isEqualTo("L3");
        assertThat(bundle.at("/entry/2/fullUrl").asText()).isEqualTo("resource:2");
        assertThatThrownBy(() -> writer.bundleJson(doses.get(0).recipient(), List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesTheVaccineByTheSendersCvxCodeElseItsFirstCodeElseTheHubsCode() {
        Code atc = ExportFixtures.code("http://www.whocc.no/atc", "J07BN01");
        Code cvx = ExportFixtures.code(CVX, "208");
        assertThat(ShcBundleWriter.cardVaccineCode(vaccination(List.of(atc, cvx))))
                .isEqualTo(cvx);
        assertThat(ShcBundleWriter.cardVaccineCode(vaccination(List.of(atc)))).isEqualTo(atc);
        assertThat(ShcBundleWriter.cardVaccineCode(vaccination(List.of()))).isEqualTo(SNOMED_MRNA);
    }

    @Test
    void mapsTheWhoFixtureBackToTheSameMinimalResources() throws IOException {
        // WHO DDCC fixture: parse with HAPI, map its key fields by hand, write, read back
        Path fixture = SharedTestData.require("fhir/ddcc-fixtures").resolve("shc/example-00-a-fhirBundle.json");
        Bundle source = ExportFixtures.FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(fixture));
        Patient patient = (Patient) source.getEntry().get(0).getResource();
        Immunization dose = (Immunization) source.getEntry().get(1).getResource();
        Code sent = ExportFixtures.code(
                dose.getVaccineCode().getCodingFirstRep().getSystem(),
                dose.getVaccineCode().getCodingFirstRep().getCode());
        VaccinationEvent event = ExportFixtures.certificate(
                        "CERT-0002",
                        new PersonName(
                                patient.getNameFirstRep().getGiven().stream()
                                        .map(Object::toString)
                                        .toList(),
                                patient.getNameFirstRep().getFamily(),
                                null),
                        new PartialDate(patient.getBirthDateElement().getValueAsString()),
                        new Vaccination(
                                SNOMED_MRNA,
                                null,
                                null,
                                null,
                                dose.getLotNumber(),
                                LocalDate.parse(dose.getOccurrenceDateTimeType().getValueAsString()),
                                1,
                                2,
                                null,
                                null,
                                List.of(sent)),
                        new Facility(
                                null, dose.getPerformerFirstRep().getActor().getDisplay(), null))
                .event();

        Bundle written = ExportFixtures.FHIR
                .newJsonParser()
                .parseResource(Bundle.class, writer.bundleJson(event.recipient(), List.of(event), 1));

        Patient writtenPatient = (Patient) written.getEntry().get(0).getResource();
        Immunization writtenDose = (Immunization) written.getEntry().get(1).getResource();
        assertThat(writtenPatient.getNameFirstRep().getNameAsSingleString()).isEqualTo("John B. Anyperson");
        assertThat(writtenPatient.getBirthDateElement().getValueAsString()).isEqualTo("1951-01-20");
        assertThat(writtenPatient.hasIdentifier())
                .as("SHC patients carry name and birth date only")
                .isFalse();
        assertThat(writtenDose.hasIdentifier())
                .as("the data-minimisation profile has no identifier")
                .isFalse();
        assertThat(writtenDose.getVaccineCode().getCodingFirstRep().getCode()).isEqualTo("208");
        assertThat(writtenDose.getOccurrenceDateTimeType().getValueAsString()).isEqualTo("2021-01-01");
        assertThat(writtenDose.getLotNumber()).isEqualTo("0000009");
        assertThat(writtenDose.getPerformerFirstRep().getActor().getDisplay()).isEqualTo("ABC General Hospital");
        assertThat(writtenDose.getPatient().getReference()).isEqualTo("resource:0");
    }

    @Test
    void keepsAPartialBirthDateAndAnUnstructuredNameAsGiven() throws IOException {
        VaccinationEvent event = ExportFixtures.certificate(
                        "CERT-0003",
                        new PersonName(List.of(), null, "Jill Doe"),
                        new PartialDate("1985-03"),
                        new Vaccination(
                                ExportFixtures.code("http://id.who.int/icd11/mms", "XM0GQ8"),
                                null,
                                null,
                                null,
                                null,
                                LocalDate.parse("2021-06-28"),
                                1,
                                null,
                                null,
                                null),
                        null)
                .event();

        JsonNode bundle = JSON.readTree(writer.bundleJson(event.recipient(), List.of(event), 1));

        assertThat(bundle.at("/entry/0/resource/name/0/text").asText()).isEqualTo("Jill Doe");
        assertThat(bundle.at("/entry/0/resource/birthDate").asText()).isEqualTo("1985-03");
        assertThat(bundle.at("/entry/1/resource/vaccineCode/coding/0/code").asText())
                .isEqualTo("XM0GQ8");
        assertThat(bundle.at("/entry/1/resource").has("performer")).isFalse();
        assertThat(bundle.at("/entry/1/resource").has("lotNumber")).isFalse();
    }

    private static VaccinationEvent dose(String cvx, String lot, String date, int doseNumber) {
        return ExportFixtures.certificate(
                        "CERT-" + doseNumber,
                        new PersonName(List.of("John", "B."), "Anyperson", null),
                        new PartialDate("1951-01-20"),
                        new Vaccination(
                                SNOMED_MRNA,
                                null,
                                null,
                                null,
                                lot,
                                LocalDate.parse(date),
                                doseNumber,
                                2,
                                "US",
                                null,
                                List.of(ExportFixtures.code(CVX, cvx))),
                        HOSPITAL)
                .event();
    }

    private static Vaccination vaccination(List<Code> sent) {
        return new Vaccination(
                SNOMED_MRNA, null, null, null, null, LocalDate.parse("2021-01-01"), 1, 2, null, null, sent);
    }
}

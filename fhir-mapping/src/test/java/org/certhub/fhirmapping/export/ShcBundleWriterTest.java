package org.certhub.fhirmapping.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.certhub.model.Certificate;
import org.certhub.model.Facility;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Vaccination;
import org.certhub.testdata.SharedTestData;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class ShcBundleWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ShcBundleWriter writer = new ShcBundleWriter(ExportFixtures.FHIR,
            new ShcBundleWriter.Settings(ExportFixtures.CERTIFICATE_ID_SYSTEM));

    @Test
    void writesThePatientAndImmunizationOfTheSpecExampleByteForByte() throws IOException {
        // The SMART Health Cards spec's example 00: the minified payload's Patient and first Immunization
        JsonNode payload = JSON.readTree(Files.readString(
                SharedTestData.require("smart-health-cards").resolve("example-00-c-jws-payload-minified.json")));
        JsonNode expected = payload.at("/vc/credentialSubject/fhirBundle/entry");
        Certificate certificate = ExportFixtures.certificate("CERT-0001",
                new PersonName(List.of("John", "B."), "Anyperson", null), new PartialDate("1951-01-20"),
                new Vaccination(ExportFixtures.code("http://hl7.org/fhir/sid/cvx", "207"), null, null, null,
                        "0000001", LocalDate.parse("2021-01-01"), 1, 2, "US", null),
                new Facility("fac-1", "ABC General Hospital", null));

        String json = writer.bundleJson(certificate);
        JsonNode written = JSON.readTree(json);

        assertThat(json).doesNotContain("\n", "  ", "\"id\"", "\"meta\"", "\"text\"");
        assertThat(written.get("resourceType").asText()).isEqualTo("Bundle");
        assertThat(written.get("type").asText()).isEqualTo("collection");
        assertThat(written.get("entry")).hasSize(2);
        assertThat(written.at("/entry/0")).isEqualTo(expected.get(0));
        ObjectNode immunization = (ObjectNode) written.at("/entry/1/resource").deepCopy();
        JsonNode identifier = immunization.remove("identifier");
        assertThat(immunization).isEqualTo(expected.at("/1/resource"));
        assertThat(written.at("/entry/1/fullUrl").asText()).isEqualTo("resource:1");
        assertThat(identifier.get(0).get("system").asText()).isEqualTo(ExportFixtures.CERTIFICATE_ID_SYSTEM);
        assertThat(identifier.get(0).get("value").asText()).isEqualTo("CERT-0001");
    }

    @Test
    void mapsTheFhirFixtureBackToTheSameMinimalResources() throws IOException {
        // WHO DDCC fixture: parse with HAPI, map its key fields by hand, write, read back
        Path fixture = SharedTestData.require("fhir/ddcc-fixtures").resolve("shc/example-00-a-fhirBundle.json");
        Bundle source = ExportFixtures.FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(fixture));
        Patient patient = (Patient) source.getEntry().get(0).getResource();
        Immunization dose = (Immunization) source.getEntry().get(1).getResource();
        Certificate certificate = ExportFixtures.certificate("CERT-0002",
                new PersonName(patient.getNameFirstRep().getGiven().stream().map(Object::toString).toList(),
                        patient.getNameFirstRep().getFamily(), null),
                new PartialDate(patient.getBirthDateElement().getValueAsString()),
                new Vaccination(ExportFixtures.code(dose.getVaccineCode().getCodingFirstRep().getSystem(),
                        dose.getVaccineCode().getCodingFirstRep().getCode()), null, null, null,
                        dose.getLotNumber(), LocalDate.parse(dose.getOccurrenceDateTimeType().getValueAsString()),
                        1, 2, null, null),
                new Facility(null, dose.getPerformerFirstRep().getActor().getDisplay(), null));

        Bundle written = ExportFixtures.FHIR.newJsonParser().parseResource(Bundle.class, writer.bundleJson(certificate));

        Patient writtenPatient = (Patient) written.getEntry().get(0).getResource();
        Immunization writtenDose = (Immunization) written.getEntry().get(1).getResource();
        assertThat(writtenPatient.getNameFirstRep().getNameAsSingleString()).isEqualTo("John B. Anyperson");
        assertThat(writtenPatient.getBirthDateElement().getValueAsString()).isEqualTo("1951-01-20");
        assertThat(writtenPatient.hasIdentifier()).as("SHC patients carry name and birth date only").isFalse();
        assertThat(writtenDose.getVaccineCode().getCodingFirstRep().getCode()).isEqualTo("208");
        assertThat(writtenDose.getOccurrenceDateTimeType().getValueAsString()).isEqualTo("2021-01-01");
        assertThat(writtenDose.getLotNumber()).isEqualTo("0000009");
        assertThat(writtenDose.getPerformerFirstRep().getActor().getDisplay()).isEqualTo("ABC General Hospital");
        assertThat(writtenDose.getPatient().getReference()).isEqualTo("resource:0");
    }

    @Test
    void keepsAPartialBirthDateAndAnUnstructuredNameAsGiven() throws IOException {
        Certificate certificate = ExportFixtures.certificate("CERT-0003", new PersonName(List.of(), null, "Jill Doe"),
                new PartialDate("1985-03"),
                new Vaccination(ExportFixtures.code("http://id.who.int/icd11/mms", "XM0GQ8"), null, null, null,
                        null, LocalDate.parse("2021-06-28"), 1, null, null, null),
                null);

        JsonNode patient = JSON.readTree(writer.bundleJson(certificate)).at("/entry/0/resource");
        JsonNode immunization = JSON.readTree(writer.bundleJson(certificate)).at("/entry/1/resource");

        assertThat(patient.at("/name/0/text").asText()).isEqualTo("Jill Doe");
        assertThat(patient.get("birthDate").asText()).isEqualTo("1985-03");
        assertThat(immunization.has("performer")).isFalse();
        assertThat(immunization.has("lotNumber")).isFalse();
    }
}

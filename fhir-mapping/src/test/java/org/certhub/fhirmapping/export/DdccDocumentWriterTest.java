package org.certhub.fhirmapping.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.model.Address;
import org.certhub.model.Certificate;
import org.certhub.model.Facility;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Vaccination;
import org.certhub.testdata.SharedTestData;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.ImmunizationRecommendation;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class DdccDocumentWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String EU_PRODUCT = "https://ec.europa.eu/health/documents/community-register/html/";
    private static final String EU_MANUFACTURER = "https://ec.europa.eu/health/manufacturer";
    private static final String ICD11 = "http://id.who.int/icd11/mms";

    private final DdccDocumentWriter writer = new DdccDocumentWriter(
            ExportFixtures.FHIR,
            new DdccDocumentWriter.Settings(
                    ExportFixtures.CERTIFICATE_ID_SYSTEM,
                    "https://certhub.example/api/v1/certificates/",
                    "Ministry of Health",
                    "IN"));

    @Test
    void carriesTheFieldsOfTheShcFixture() throws IOException {
        Path fixture = fixtures().resolve("shc/example-00-a-fhirBundle.json");
        Bundle source = ExportFixtures.FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(fixture));
        Patient patient = (Patient) source.getEntry().get(0).getResource();
        Immunization dose = (Immunization) source.getEntry().get(1).getResource();
        Coding vaccine = dose.getVaccineCode().getCodingFirstRep();
        Certificate certificate = ExportFixtures.certificate(
                "CERT-SHC-1",
                new PersonName(
                        patient.getNameFirstRep().getGiven().stream()
                                .map(Object::toString)
                                .toList(),
                        patient.getNameFirstRep().getFamily(),
                        null),
                new PartialDate(patient.getBirthDateElement().getValueAsString()),
                new Vaccination(
                        ExportFixtures.code(vaccine.getSystem(), vaccine.getCode()),
                        null,
                        null,
                        ExportFixtures.code(SNOMED, "840539006"),
                        dose.getLotNumber(),
                        LocalDate.parse(dose.getOccurrenceDateTimeType().getValueAsString()),
                        1,
                        2,
                        "US",
                        null),
                new Facility(null, dose.getPerformerFirstRep().getActor().getDisplay(), null));

        Written written = write(certificate);

        assertThat(written.patient().getNameFirstRep().getFamily()).isEqualTo("Anyperson");
        assertThat(written.patient().getNameFirstRep().getGivenAsSingleString()).isEqualTo("John B.");
        assertThat(written.patient().getBirthDateElement().getValueAsString()).isEqualTo("1951-01-20");
        assertVaccination(
                written.immunization(), "http://hl7.org/fhir/sid/cvx", "208", 1, 2, "2021-01-01", "0000009", "USA");
        assertThat(written.immunization().getLocation().getDisplay()).isEqualTo("ABC General Hospital");
        assertThat(written.immunization()
                        .getProtocolAppliedFirstRep()
                        .getTargetDiseaseFirstRep()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("840539006");
    }

    @Test
    void carriesTheFieldsOfTheEuDccFixture() throws IOException {
        JsonNode dcc = JSON.readTree(
                        fixtures().resolve("eudcc/dcc-valid-vs.json").toFile())
                .at("/-260/1");
        JsonNode v = dcc.at("/v/0");
        Certificate certificate = ExportFixtures.certificate(
                v.get("ci").asText(),
                new PersonName(
                        List.of(dcc.at("/nam/gn").asText()), dcc.at("/nam/fn").asText(), null),
                new PartialDate(dcc.get("dob").asText()),
                new Vaccination(
                        ExportFixtures.code(SNOMED, v.get("vp").asText()),
                        ExportFixtures.code(EU_PRODUCT, v.get("mp").asText()),
                        ExportFixtures.code(EU_MANUFACTURER, v.get("ma").asText()),
                        ExportFixtures.code(SNOMED, v.get("tg").asText()),
                        null,
                        LocalDate.parse(v.get("dt").asText()),
                        v.get("dn").asInt(),
                        v.get("sd").asInt(),
                        v.get("co").asText(),
                        null),
                new Facility(
                        "centre-7",
                        "Centro de Vacunación",
                        new Address(List.of("Av. 18 de Julio 1892"), "Montevideo", null, null, "11200", "UY")));

        Written written = write(certificate);

        assertThat(written.patient().getNameFirstRep().getText()).isEqualTo("John B. Anyperson");
        assertThat(written.patient().getBirthDateElement().getValueAsString()).isEqualTo("1951-01-20");
        assertVaccination(written.immunization(), SNOMED, "1119349007", 4, 4, "2022-05-13", null, "URY");
        assertThat(((Coding) written.immunization()
                                .getExtensionByUrl(DdccDocumentWriter.EXT_BRAND)
                                .getValue())
                        .getCode())
                .isEqualTo("EU/1/20/1528");
        assertThat(((Coding) written.immunization()
                                .getExtensionByUrl(DdccDocumentWriter.EXT_MARKET_AUTHORIZATION)
                                .getValue())
                        .getCode())
                .isEqualTo("ORG-100030215");
        assertThat(written.location().getName()).isEqualTo("Centro de Vacunación");
        assertThat(written.location().getAddress().getCountry()).isEqualTo("URY");
        assertThat(written.bundle().getIdentifier().getValue()).isEqualTo("URN:UVCI:01:UY:10002661:20221209084253125");
    }

    @Test
    void carriesTheFieldsOfTheIcaoFixtureWithTheNextDoseDue() throws IOException {
        JsonNode message = JSON.readTree(
                        fixtures().resolve("icao/vaccination_example.json").toFile())
                .at("/data/msg");
        JsonNode event = message.at("/ve/0");
        JsonNode dose = event.at("/vd/0");
        Certificate certificate = ExportFixtures.certificate(
                message.get("uvci").asText(),
                new PersonName(List.of(), null, message.at("/pid/n").asText()),
                new PartialDate(message.at("/pid/dob").asText()),
                new Vaccination(
                        ExportFixtures.code(ICD11, event.get("des").asText()),
                        null,
                        null,
                        ExportFixtures.code(ICD11, event.get("dis").asText()),
                        dose.get("lot").asText(),
                        LocalDate.parse(dose.get("dvc").asText()),
                        dose.get("seq").asInt(),
                        2,
                        dose.get("ctr").asText(),
                        LocalDate.parse(dose.get("dvn").asText())),
                new Facility(null, dose.get("adm").asText(), null));

        Written written = write(certificate);

        assertThat(written.patient().getNameFirstRep().getText()).isEqualTo("John B. Anyperson");
        assertVaccination(written.immunization(), ICD11, "XM68M6", 1, 2, "2021-01-01", "VC35679", "JPN");
        ImmunizationRecommendation next = written.recommendation();
        assertThat(next.getRecommendationFirstRep()
                        .getDateCriterionFirstRep()
                        .getValueElement()
                        .getValueAsString())
                .isEqualTo("2021-03-24");
        assertThat(next.getRecommendationFirstRep()
                        .getSupportingImmunizationFirstRep()
                        .getReference())
                .isEqualTo(written.entryUrl(written.immunization()));
    }

    @Test
    void shapesTheDocumentAsTheDdccIgDoes() throws IOException {
        Certificate certificate = icaoLikeCertificate();

        Written written = write(certificate);
        Bundle bundle = written.bundle();
        Composition composition = (Composition) bundle.getEntryFirstRep().getResource();

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(bundle.getTimestamp().toInstant()).isEqualTo(certificate.issuedAt());
        assertThat(bundle.getLinkFirstRep().getRelation()).isEqualTo("publication");
        assertThat(bundle.getLinkFirstRep().getUrl())
                .isEqualTo("https://certhub.example/api/v1/certificates/" + certificate.id());
        assertThat(composition.getMeta().getProfile().get(0).getValue())
                .isEqualTo("http://smart.who.int/ddcc/StructureDefinition/DDCCVSComposition");
        assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("82593-5");
        assertThat(composition.getCategoryFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("ddcc-vs");
        assertThat(composition.getIdentifier().getValue()).isEqualTo(certificate.id());
        assertThat(composition.getSubject().getReference()).isEqualTo(written.entryUrl(written.patient()));
        assertThat(composition.getAuthorFirstRep().getReference()).isEqualTo(written.entryUrl(written.issuer()));
        assertThat(composition.getAttesterFirstRep().getParty().getReference())
                .isEqualTo(written.entryUrl(written.issuer()));
        assertThat(composition
                        .getSectionFirstRep()
                        .getCode()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("11369-6");
        assertThat(composition.getSectionFirstRep().getFocus().getReference())
                .isEqualTo(written.entryUrl(written.immunization()));
        assertThat(written.issuer().getName()).isEqualTo("Ministry of Health");
        assertThat(written.issuer().getAddressFirstRep().getCountry()).isEqualTo("IND");
        assertThat(written.immunization()
                        .getProtocolAppliedFirstRep()
                        .getAuthority()
                        .getReference())
                .isEqualTo(written.entryUrl(written.issuer()));
        assertThat(written.immunization().getLocation().getReference()).isEqualTo(written.entryUrl(written.location()));
        assertThat(written.json())
                .isEqualTo(writer.encode(certificate, FhirEncoding.JSON))
                .as("the same certificate writes the same document");
    }

    @Test
    void writesXmlThatReadsBackToTheSameDocument() {
        Certificate certificate = icaoLikeCertificate();

        String xml = writer.encode(certificate, FhirEncoding.XML);
        Bundle fromXml = ExportFixtures.FHIR.newXmlParser().parseResource(Bundle.class, xml);

        assertThat(xml).startsWith("<Bundle xmlns=\"http://hl7.org/fhir\">");
        assertThat(ExportFixtures.FHIR.newJsonParser().encodeResourceToString(fromXml))
                .isEqualTo(writer.encode(certificate, FhirEncoding.JSON));
    }

    private static Certificate icaoLikeCertificate() {
        return ExportFixtures.certificate(
                "CERT-ICAO-1",
                new PersonName(List.of("Jill", "C."), "Anyperson", null),
                new PartialDate("1985-03-04"),
                new Vaccination(
                        ExportFixtures.code(ICD11, "XM0GQ8"),
                        null,
                        null,
                        ExportFixtures.code(ICD11, "RA01"),
                        "batch-01",
                        LocalDate.parse("2021-06-28"),
                        1,
                        2,
                        "IN",
                        LocalDate.parse("2021-07-26")),
                new Facility("f-1", "MOH Gothatuwa", Address.ofCountry("IN")));
    }

    private static Path fixtures() {
        return SharedTestData.require("fhir/ddcc-fixtures");
    }

    private static void assertVaccination(
            Immunization immunization,
            String system,
            String code,
            int dose,
            int series,
            String date,
            String lot,
            String alpha3Country) {
        assertThat(immunization.getVaccineCode().getCodingFirstRep().getSystem())
                .isEqualTo(system);
        assertThat(immunization.getVaccineCode().getCodingFirstRep().getCode()).isEqualTo(code);
        assertThat(immunization
                        .getProtocolAppliedFirstRep()
                        .getDoseNumberPositiveIntType()
                        .getValue())
                .isEqualTo(dose);
        assertThat(immunization
                        .getProtocolAppliedFirstRep()
                        .getSeriesDosesPositiveIntType()
                        .getValue())
                .isEqualTo(series);
        assertThat(immunization.getOccurrenceDateTimeType().getValueAsString()).isEqualTo(date);
        assertThat(immunization.getLotNumber()).isEqualTo(lot);
        assertThat(((CodeType) immunization
                                .getExtensionByUrl(DdccDocumentWriter.EXT_COUNTRY)
                                .getValue())
                        .getValue())
                .isEqualTo(alpha3Country);
        assertThat(immunization.getStatus()).isEqualTo(Immunization.ImmunizationStatus.COMPLETED);
    }

    private Written write(Certificate certificate) {
        String json = writer.encode(certificate, FhirEncoding.JSON);
        return new Written(json, ExportFixtures.FHIR.newJsonParser().parseResource(Bundle.class, json));
    }

    /** The written document, read back with HAPI. */
    private record Written(String json, Bundle bundle) {
        <T extends Resource> T only(Class<T> type) {
            List<T> found = bundle.getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(type::isInstance)
                    .map(type::cast)
                    .toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }

        Patient patient() {
            return only(Patient.class);
        }

        Immunization immunization() {
            return only(Immunization.class);
        }

        Organization issuer() {
            return only(Organization.class);
        }

        Location location() {
            return only(Location.class);
        }

        ImmunizationRecommendation recommendation() {
            return only(ImmunizationRecommendation.class);
        }

        String entryUrl(Resource resource) {
            return bundle.getEntry().stream()
                    .filter(e -> e.getResource() == resource)
                    .map(Bundle.BundleEntryComponent::getFullUrl)
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void namesThePersonOfficiallyCarriesTheSendersIcd11CodeAndIdentifiesTheIssuer() {
        Certificate certificate = ExportFixtures.certificate(
                "CERT-ICD-1",
                new PersonName(List.of("Asha"), "Rao", null),
                new PartialDate("1990-04-12"),
                new Vaccination(
                        ExportFixtures.code(SNOMED, "1119349007"),
                        null,
                        null,
                        ExportFixtures.code(SNOMED, "840539006"),
                        "EW0182",
                        LocalDate.parse("2021-06-30"),
                        1,
                        2,
                        "IN",
                        null,
                        List.of(
                                ExportFixtures.code(ICD11, "XM0GQ8"),
                                ExportFixtures.code("http://hl7.org/fhir/sid/cvx", "208"))),
                null);

        Bundle document = writer.document(certificate);

        Patient patient = (Patient) document.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance)
                .findFirst()
                .orElseThrow();
        Immunization immunization = (Immunization) document.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Immunization.class::isInstance)
                .findFirst()
                .orElseThrow();
        Organization issuer = (Organization) document.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Organization.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(patient.getNameFirstRep().getUse().toCode()).isEqualTo("official");
        assertThat(patient.getNameFirstRep().getText()).isEqualTo("Asha Rao");
        assertThat(immunization.getVaccineCode().getCoding())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SNOMED, "1119349007"),
                        org.assertj.core.groups.Tuple.tuple(ICD11, "XM0GQ8"));
        assertThat(issuer.getIdentifierFirstRep().getValue()).isEqualTo("https://certhub.example/api/v1/certificates/");
    }
}

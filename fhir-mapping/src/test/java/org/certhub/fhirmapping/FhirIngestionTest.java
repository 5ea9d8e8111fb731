package org.certhub.fhirmapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.certhub.fhirmapping.Fixtures.PATIENT;
import static org.certhub.fhirmapping.Fixtures.bundle;
import static org.certhub.fhirmapping.Fixtures.comirnaty;
import static org.certhub.fhirmapping.Fixtures.immunization;

import java.util.List;
import java.util.Set;
import org.certhub.model.ContactPoint;
import org.certhub.model.VaccinationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FhirIngestionTest {

    private final FhirIngestion ingestion = TestFhir.ingestion();

    private Submission read(String json) {
        return ingestion.read(json, FhirEncoding.JSON, "test-ehr");
    }

    private FhirInputException rejected(String json) {
        return (FhirInputException) catchThrowable(() -> read(json));
    }

    private static Throwable catchThrowable(Runnable runnable) {
        try {
            runnable.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a FhirInputException");
    }

    private static VaccinationEvent onlyEvent(Submission submission) {
        assertThat(submission.entries()).singleElement().isInstanceOf(Submission.Accepted.class);
        return ((Submission.Accepted) submission.entries().get(0)).event();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"resourceType\":\"Bundle\",", "not json at all", "[1,2,3]", "{\"foo\":1}", "{}"})
    void malformedOrNonFhirJsonIsA400(String body) {
        assertThatThrownBy(() -> read(body))
                .isInstanceOf(FhirInputException.class)
                .extracting(e -> ((FhirInputException) e).status())
                .isEqualTo(400);
    }

    @Test
    void aResourceOtherThanBundleOrImmunizationIsA400() {
        FhirInputException e = rejected(PATIENT);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.problems().get(0).diagnostics()).contains("not a Patient");
    }

    @Test
    void aBundleWithoutImmunizationIsA422() {
        FhirInputException e = rejected(bundle("transaction", "urn:uuid:p1", PATIENT));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.diagnostics()).contains("no Immunization");
            assertThat(p.expression()).isEqualTo("Bundle.entry");
        });
    }

    @Test
    void anUnknownElementIsA422NamingIt() {
        FhirInputException e = rejected(comirnaty("i1", "#p", "\"colour\":\"blue\""));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.diagnostics()).contains("colour"));
    }

    @Test
    void anInvalidCodeIsA422() {
        FhirInputException e = rejected(comirnaty(
                "i1",
                "#p",
                "\"contained\":["
                        + PATIENT.replace("\"female\"", "\"feminine\"").replace("\"id\":\"p1\"", "\"id\":\"p\"")
                        + "]"));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("value"));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.diagnostics()).doesNotContain("feminine"));
    }

    @Test
    void anInvalidBirthDateIsReportedWithoutEchoingIt() {
        FhirInputException e = rejected(comirnaty(
                "i1",
                "#p",
                "\"contained\":["
                        + PATIENT.replace("\"1980-04\"", "\"1980-13-45\"").replace("\"id\":\"p1\"", "\"id\":\"p\"")
                        + "]"));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.problems())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.diagnostics()).doesNotContain("1980-13-45"));
    }

    @Test
    void enteredInErrorIsARetractionUnderTheSameKey() {
        String entered = comirnaty("i1", "urn:uuid:p1", "\"identifier\":[{\"system\":\"urn:ehr\",\"value\":\"42\"}]")
                .replace("\"completed\"", "\"entered-in-error\"");
        Submission submission = read(bundle("batch", "urn:uuid:p1", PATIENT, "urn:uuid:i1", entered));
        assertThat(submission.entries()).singleElement().isInstanceOfSatisfying(Submission.Retracted.class, r -> {
            assertThat(r.idempotencyKey()).isEqualTo("test-ehr|urn:ehr|42");
            assertThat(r.entryRef()).isEqualTo("urn:uuid:i1");
        });
    }

    @Test
    void notDoneIsRejectedAndRejectsAWholeTransaction() {
        String notDone = comirnaty("i1", "urn:uuid:p1", "").replace("\"completed\"", "\"not-done\"");
        Submission batch = read(bundle(
                "batch",
                "urn:uuid:p1",
                PATIENT,
                "urn:uuid:i1",
                notDone,
                "urn:uuid:i2",
                comirnaty("i2", "urn:uuid:p1", "")));
        assertThat(batch.entries()).hasSize(2);
        assertThat(batch.entries().get(0)).isInstanceOfSatisfying(Submission.Rejected.class, r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.problems().get(0).expression()).isEqualTo("Bundle.entry[1].resource.status");
        });
        assertThat(batch.entries().get(1)).isInstanceOf(Submission.Accepted.class);

        FhirInputException e = rejected(bundle(
                "transaction",
                "urn:uuid:p1",
                PATIENT,
                "urn:uuid:i1",
                notDone,
                "urn:uuid:i2",
                comirnaty("i2", "urn:uuid:p1", "")));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.problems()).extracting(Problem::expression).containsExactly("Bundle.entry[1].resource.status");
    }

    @Test
    void anImmunizationWithoutPatientIsA422() {
        FhirInputException e = (FhirInputException) catchThrowable(
                () -> ingestion.readImmunization(comirnaty("i1", null, ""), FhirEncoding.JSON, "test-ehr"));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("required");
            assertThat(p.expression()).isEqualTo("Immunization.patient");
        });
    }

    @Test
    void aPatientReferenceThatDoesNotResolveIsA422NamingTheReference() {
        FhirInputException e = (FhirInputException) catchThrowable(
                () -> ingestion.readImmunization(comirnaty("i1", "Patient/123", ""), FhirEncoding.JSON, "test-ehr"));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.problems().get(0).diagnostics()).contains("'Patient/123'");

        FhirInputException inBundle = rejected(
                bundle("transaction", "urn:uuid:p1", PATIENT, "urn:uuid:i1", comirnaty("i1", "urn:uuid:nobody", "")));
        assertThat(inBundle.problems().get(0).diagnostics()).contains("urn:uuid:nobody");
    }

    @Test
    void aContainedPatientIsUsedForASingleImmunization() {
        String body = comirnaty("i1", "#p", "\"contained\":[" + PATIENT.replace("\"id\":\"p1\"", "\"id\":\"p\"") + "]");
        Submission submission = ingestion.readImmunization(body, FhirEncoding.JSON, "test-ehr");
        assertThat(submission.kind()).isEqualTo(Submission.Kind.SINGLE);
        VaccinationEvent event = onlyEvent(submission);
        assertThat(event.recipient().name().fullName()).isEqualTo("Anna Maria Neu");
        assertThat(event.recipient().birthDate().iso()).isEqualTo("1980-04");
        assertThat(event.recipient().contact(ContactPoint.Channel.EMAIL)).contains("anna@example.org");
        assertThat(event.sourceRecordId()).isEqualTo("Immunization/i1");
    }

    @Test
    void aReferencedPatientCanComeFromTheCallersResolver() {
        org.hl7.fhir.r4.model.Patient known =
                (org.hl7.fhir.r4.model.Patient) TestFhir.CONTEXT.newJsonParser().parseResource(PATIENT);
        Submission submission = ingestion.readImmunization(
                comirnaty("i1", "Patient/p1", ""),
                FhirEncoding.JSON,
                "test-ehr",
                (reference, from) ->
                        "Patient/p1".equals(reference) ? java.util.Optional.of(known) : java.util.Optional.empty());
        assertThat(onlyEvent(submission).recipient().name().family()).isEqualTo("Neu");
    }

    @Test
    void anUnknownVaccineIsA422NamingCodeAndSystem() {
        String unknown = immunization(
                "i1",
                "urn:uuid:p1",
                "{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"999\"}]}",
                "");
        FhirInputException e = rejected(bundle("transaction", "urn:uuid:p1", PATIENT, "urn:uuid:i1", unknown));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("code-invalid");
            assertThat(p.diagnostics()).contains("http://hl7.org/fhir/sid/cvx|999");
            assertThat(p.expression()).isEqualTo("Bundle.entry[1].resource.vaccineCode");
        });
    }

    @Test
    void anUnknownVaccineIsCertifiedAsReceivedWhenItsProgrammeAllowsIt() {
        FhirIngestion lenient =
                TestFhir.ingestion(FhirIngestionSettings.defaults().withUnknownVaccinesAllowedIn(Set.of("covid-19")));
        String unknown = immunization(
                "i1",
                "urn:uuid:p1",
                "{\"coding\":[{\"system\":\"urn:national:vaccines\",\"code\":\"NV-7\"}]}",
                "\"protocolApplied\":[{\"targetDisease\":[{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"840539006\"}]}],"
                        + "\"doseNumberPositiveInt\":2,\"seriesDosesPositiveInt\":2}]");
        VaccinationEvent event = onlyEvent(lenient.read(
                bundle("collection", "urn:uuid:p1", PATIENT, "urn:uuid:i1", unknown), FhirEncoding.JSON, "test-ehr"));
        assertThat(event.programmeId()).isEqualTo("covid-19");
        assertThat(event.vaccination().vaccine().code()).isEqualTo("NV-7");
        assertThat(event.vaccination().disease().code()).isEqualTo("840539006");
        assertThat(event.vaccination().doseNumber()).isEqualTo(2);
    }

    @Test
    void aVaccineOfANonCertifiedProgrammeIsIgnoredNotRejected() {
        String flu = immunization(
                "i1",
                "urn:uuid:p1",
                "{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"140\"}]}",
                "");
        Submission submission = read(bundle("transaction", "urn:uuid:p1", PATIENT, "urn:uuid:i1", flu));
        assertThat(submission.entries())
                .singleElement()
                .isInstanceOfSatisfying(
                        Submission.Ignored.class,
                        ignored -> assertThat(ignored.programmeId()).isEqualTo("influenza"));
    }

    @Test
    void aMissingOrUnusableOccurrenceIsA422() {
        String missing = comirnaty("i1", "urn:uuid:p1", "").replace(",\"occurrenceDateTime\":\"2021-06-01\"", "");
        assertThat(rejected(bundle("transaction", "urn:uuid:p1", PATIENT, "urn:uuid:i1", missing))
                        .problems()
                        .get(0)
                        .expression())
                .isEqualTo("Bundle.entry[1].resource.occurrence");
        String yearOnly = comirnaty("i1", "urn:uuid:p1", "").replace("2021-06-01", "2021");
        assertThat(rejected(bundle("transaction", "urn:uuid:p1", PATIENT, "urn:uuid:i1", yearOnly))
                        .problems()
                        .get(0)
                        .expression())
                .isEqualTo("Bundle.entry[1].resource.occurrenceDateTime");
        // the FHIR parser reads a signed three-digit year (a fuzzing find): not a date a sender can mean
        String signedYear = comirnaty("i1", "urn:uuid:p1", "").replace("2021-06-01", "+021-05-29T10:15:00Z");
        assertThat(rejected(bundle("transaction", "urn:uuid:p1", PATIENT, "urn:uuid:i1", signedYear))
                        .problems()
                        .get(0)
                        .expression())
                .isEqualTo("Bundle.entry[1].resource.occurrenceDateTime");
        String text = comirnaty("i1", "urn:uuid:p1", "")
                .replace("\"occurrenceDateTime\":\"2021-06-01\"", "\"occurrenceString\":\"last spring\"");
        assertThat(rejected(bundle("transaction", "urn:uuid:p1", PATIENT, "urn:uuid:i1", text))
                        .problems()
                        .get(0)
                        .expression())
                .isEqualTo("Bundle.entry[1].resource.occurrenceString");
        String future = comirnaty("i1", "urn:uuid:p1", "").replace("2021-06-01", "2027-01-01");
        assertThat(rejected(bundle("transaction", "urn:uuid:p1", PATIENT, "urn:uuid:i1", future))
                        .problems()
                        .get(0)
                        .code())
                .isEqualTo("business-rule");
    }

    @Test
    void aUsableOccurrenceStringIsAccepted() {
        String text = comirnaty("i1", "urn:uuid:p1", "")
                .replace("\"occurrenceDateTime\":\"2021-06-01\"", "\"occurrenceString\":\"2021-06-03 14:00\"");
        VaccinationEvent event = onlyEvent(read(bundle("collection", "urn:uuid:p1", PATIENT, "urn:uuid:i1", text)));
        assertThat(event.vaccination().date()).hasToString("2021-06-03");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"doseNumberString\":\"first\"",
                "\"doseNumberString\":\"0\"",
                "\"doseNumberPositiveInt\":1,\"seriesDosesString\":\"two\""
            })
    void anInvalidDoseNumberIsA422(String dose) {
        String bad = comirnaty("i1", "urn:uuid:p1", "\"protocolApplied\":[{" + dose + "}]");
        FhirInputException e = rejected(bundle("transaction", "urn:uuid:p1", PATIENT, "urn:uuid:i1", bad));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.expression()).startsWith("Bundle.entry[1].resource.protocolApplied[0]."));
    }

    @Test
    void dosesWithoutNumbersAreNumberedPerPersonInDateOrderWithAWarning() {
        String later = comirnaty("i2", "urn:uuid:p1", "").replace("2021-06-01", "2021-07-15");
        String earlier = comirnaty("i1", "urn:uuid:p1", "");
        Submission submission =
                read(bundle("batch", "urn:uuid:p1", PATIENT, "urn:uuid:i2", later, "urn:uuid:i1", earlier));
        List<Submission.Accepted> accepted = submission.entries(Submission.Accepted.class);
        assertThat(accepted)
                .extracting(a -> a.event().vaccination().doseNumber())
                .containsExactly(2, 1);
        assertThat(accepted)
                .extracting(a -> a.event().vaccination().totalDoses())
                .containsExactly(2, 2);
        assertThat(accepted.get(0).warnings()).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(w.diagnostics()).contains("dose 2 was inferred");
        });
    }

    @Test
    void everyAcceptedBundleTypeIsRead() {
        String composition =
                "{\"resourceType\":\"Composition\",\"status\":\"final\",\"type\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"60591-5\"}]},"
                        + "\"subject\":{\"reference\":\"urn:uuid:p1\"},\"date\":\"2021-06-02\",\"author\":[{\"display\":\"Clinic\"}],\"title\":\"IPS\"}";
        String header =
                "{\"resourceType\":\"MessageHeader\",\"eventCoding\":{\"system\":\"urn:events\",\"code\":\"vaccination\"},"
                        + "\"source\":{\"endpoint\":\"urn:ehr\"}}";
        assertThat(read(bundle(
                                "transaction",
                                "urn:uuid:p1",
                                PATIENT,
                                "urn:uuid:i1",
                                comirnaty("i1", "urn:uuid:p1", "")))
                        .kind())
                .isEqualTo(Submission.Kind.TRANSACTION);
        for (String type : List.of("batch", "collection", "searchset")) {
            Submission submission =
                    read(bundle(type, "urn:uuid:p1", PATIENT, "urn:uuid:i1", comirnaty("i1", "urn:uuid:p1", "")));
            assertThat(submission.kind()).as(type).isEqualTo(Submission.Kind.BATCH);
            assertThat(onlyEvent(submission).recipient().name().family()).isEqualTo("Neu");
        }
        assertThat(onlyEvent(read(bundle(
                                "document",
                                "urn:uuid:c1",
                                composition,
                                "urn:uuid:p1",
                                PATIENT,
                                "urn:uuid:i1",
                                comirnaty("i1", "urn:uuid:p1", ""))))
                        .programmeId())
                .isEqualTo("covid-19");
        assertThat(onlyEvent(read(bundle(
                                "message",
                                "urn:uuid:m1",
                                header,
                                "urn:uuid:p1",
                                PATIENT,
                                "urn:uuid:i1",
                                comirnaty("i1", "urn:uuid:p1", ""))))
                        .programmeId())
                .isEqualTo("covid-19");
    }

    @Test
    void documentsAndMessagesMustStartWithTheirHeaderResource() {
        assertThat(rejected(bundle(
                                "document", "urn:uuid:p1", PATIENT, "urn:uuid:i1", comirnaty("i1", "urn:uuid:p1", "")))
                        .problems()
                        .get(0)
                        .diagnostics())
                .contains("Composition");
        assertThat(rejected(bundle(
                                "message", "urn:uuid:p1", PATIENT, "urn:uuid:i1", comirnaty("i1", "urn:uuid:p1", "")))
                        .problems()
                        .get(0)
                        .diagnostics())
                .contains("MessageHeader");
        assertThat(rejected(bundle(
                                "history", "urn:uuid:p1", PATIENT, "urn:uuid:i1", comirnaty("i1", "urn:uuid:p1", "")))
                        .problems()
                        .get(0)
                        .code())
                .isEqualTo("not-supported");
    }

    @Test
    void referencesResolveByAbsoluteRelativeVersionedAndConditionalForms() {
        String absolutePatient = PATIENT;
        Submission relative = read(bundle(
                "collection",
                "https://ehr.example.org/fhir/Patient/p1",
                absolutePatient,
                "https://ehr.example.org/fhir/Immunization/i1",
                comirnaty("i1", "Patient/p1", "")));
        assertThat(onlyEvent(relative).recipient().name().family()).isEqualTo("Neu");
        assertThat(onlyEvent(relative).sourceRecordId()).isEqualTo("Immunization/i1");

        Submission versioned = read(bundle(
                "collection",
                "https://ehr.example.org/fhir/Patient/p1",
                absolutePatient,
                null,
                comirnaty("i1", "https://ehr.example.org/fhir/Patient/p1/_history/3", "")));
        assertThat(onlyEvent(versioned).recipient().name().family()).isEqualTo("Neu");

        Submission smartHealthCard =
                read(bundle("collection", "resource:0", PATIENT, "resource:1", comirnaty(null, "resource:0", "")));
        assertThat(onlyEvent(smartHealthCard).recipient().name().family()).isEqualTo("Neu");

        String identified =
                PATIENT.replace("\"id\":\"p1\",", "\"identifier\":[{\"system\":\"urn:mrn\",\"value\":\"M-1\"}],");
        Submission conditional = read(bundle(
                "transaction",
                "urn:uuid:p1",
                identified,
                "urn:uuid:i1",
                comirnaty(null, "Patient?identifier=urn:mrn|M-1", "")));
        assertThat(onlyEvent(conditional).recipient().name().family()).isEqualTo("Neu");
    }

    @Test
    void theRecordIdIsTheIdentifierElseTheIdElseAStableContentHash() {
        String withUsual = comirnaty(
                "i1",
                "urn:uuid:p1",
                "\"identifier\":[{\"use\":\"secondary\",\"system\":\"urn:a\",\"value\":\"1\"},"
                        + "{\"use\":\"usual\",\"system\":\"urn:b\",\"value\":\"2\"}]");
        assertThat(onlyEvent(read(bundle("collection", "urn:uuid:p1", PATIENT, "urn:uuid:i1", withUsual)))
                        .sourceRecordId())
                .isEqualTo("urn:b|2");
        String anonymous = comirnaty(null, "urn:uuid:p1", "\"meta\":{\"versionId\":\"7\"}");
        VaccinationEvent first =
                onlyEvent(read(bundle("collection", "urn:uuid:p1", PATIENT, "urn:uuid:i1", anonymous)));
        VaccinationEvent again =
                onlyEvent(read(bundle("collection", "urn:uuid:p1", PATIENT, "urn:uuid:other", anonymous)));
        VaccinationEvent changed = onlyEvent(read(bundle(
                "collection", "urn:uuid:p1", PATIENT, "urn:uuid:i1", anonymous.replace("2021-06-01", "2021-06-02"))));
        assertThat(first.sourceRecordId()).startsWith("sha256:").hasSize(7 + 64).isEqualTo(again.sourceRecordId());
        assertThat(changed.sourceRecordId()).isNotEqualTo(first.sourceRecordId());
        assertThat(first.sourceVersion()).isEqualTo("7");
    }

    @Test
    void xmlIsReadLikeJson() {
        String xml = TestFhir.CONTEXT
                .newXmlParser()
                .encodeResourceToString(TestFhir.CONTEXT.newJsonParser().parseResource(TestFhir.exampleBundle()));
        VaccinationEvent fromXml = onlyEvent(ingestion.read(xml, FhirEncoding.XML, "test-ehr"));
        VaccinationEvent fromJson = onlyEvent(read(TestFhir.exampleBundle()));
        assertThat(fromXml).isEqualTo(fromJson);
    }

    @Test
    void malformedXmlIsA400() {
        assertThatThrownBy(() -> ingestion.read(
                        "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"batch\"/>", FhirEncoding.XML, "x"))
                .isInstanceOfSatisfying(
                        FhirInputException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void xmlExternalEntitiesAreNeverResolved(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path secret = dir.resolve("secret.txt");
        java.nio.file.Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Immunization [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Immunization xmlns=\"http://hl7.org/fhir\"><status value=\"completed\"/>"
                + "<vaccineCode><text value=\"&xxe;\"/></vaccineCode><patient><reference value=\"#p\"/></patient>"
                + "<occurrenceDateTime value=\"2021-06-01\"/></Immunization>";
        assertThatThrownBy(() -> ingestion.readImmunization(xxe, FhirEncoding.XML, "x"))
                .isInstanceOfSatisfying(FhirInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problems())
                            .allSatisfy(p -> assertThat(p.diagnostics()).doesNotContain("TOP-SECRET"));
                });
        // and HAPI's own XML parser, below our DTD check, does not resolve the entity either
        org.hl7.fhir.r4.model.Immunization parsed;
        try {
            parsed = (org.hl7.fhir.r4.model.Immunization)
                    TestFhir.CONTEXT.newXmlParser().parseResource(xxe);
        } catch (ca.uhn.fhir.parser.DataFormatException refused) {
            return;
        }
        assertThat(String.valueOf(parsed.getVaccineCode().getText())).doesNotContain("TOP-SECRET");
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        FhirIngestion small = TestFhir.ingestion(new FhirIngestionSettings(
                FhirIngestionSettings.ValidationLevel.STRUCTURE, false, null, "covid-19", Set.of(), null, 100));
        assertThatThrownBy(() -> small.read(TestFhir.exampleBundle(), FhirEncoding.JSON, "x"))
                .isInstanceOfSatisfying(
                        FhirInputException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void aTransactionMayOnlyCreateOrUpdate() {
        String body = bundle("transaction", "urn:uuid:p1", PATIENT, "urn:uuid:i1", comirnaty("i1", "urn:uuid:p1", ""))
                .replaceFirst(
                        "\"method\":\"POST\",\"url\":\"Patient\"", "\"method\":\"DELETE\",\"url\":\"Patient/p1\"");
        FhirInputException e = rejected(body);
        assertThat(e.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.expression()).isEqualTo("Bundle.entry[0].request.method"));
    }
}

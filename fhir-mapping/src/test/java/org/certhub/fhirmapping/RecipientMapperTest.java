package org.certhub.fhirmapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.certhub.model.ContactPoint;
import org.certhub.model.Identifier.IdentifierType;
import org.certhub.model.Recipient;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class RecipientMapperTest {

    private static Patient patient(String json) {
        return (Patient) TestFhir.CONTEXT.newJsonParser().parseResource(json);
    }

    @Test
    void mapsEverythingACertificateAndItsDeliveryNeed() {
        Patient patient = patient("""
                {"resourceType":"Patient",
                 "identifier":[
                   {"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"PPN"}]},"system":"http://hl7.org/fhir/sid/passport-IND","value":"P1"},
                   {"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"NNIND"}]},"system":"https://uidai.gov.in","value":"N1"},
                   {"system":"http://standardhealthrecord.org/fhir/StructureDefinition/passportNumber","value":"P2"},
                   {"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},"value":"M1"},
                   {"use":"old","value":"GONE"}],
                 "name":[{"use":"nickname","given":["Bob"]},{"use":"official","family":"Builder","given":["Robert","James"],"prefix":["Mr."]}],
                 "telecom":[{"system":"email","value":"old@example.org","use":"old"},{"system":"sms","value":"tel:+911234"},
                            {"system":"email","value":"mailto:bob@example.org"},{"system":"fax","value":"+915678"}],
                 "gender":"male","birthDate":"1970",
                 "address":[{"use":"old","country":"FR"},{"use":"home","line":["1 Main St"],"city":"Pune","country":"IND"}],
                 "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-nationality",
                   "extension":[{"url":"code","valueCodeableConcept":{"coding":[{"system":"urn:iso:std:iso:3166","code":"IN"}]}}]}]}""");
        List<Problem> problems = new ArrayList<>();
        Recipient recipient = RecipientMapper.map(patient, "Patient", problems).orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(recipient.name().fullName()).isEqualTo("Robert James Builder");
        assertThat(recipient.birthDate().iso()).isEqualTo("1970");
        assertThat(recipient.identifiers())
                .extracting(i -> i.type() + ":" + i.value())
                .containsExactly("PASSPORT:P1", "NATIONAL_ID:N1", "PASSPORT:P2", "MEDICAL_RECORD:M1");
        assertThat(recipient.identifier(IdentifierType.PASSPORT).orElseThrow().system())
                .isEqualTo("http://hl7.org/fhir/sid/passport-IND");
        assertThat(recipient.contacts()).extracting(ContactPoint::value).containsExactly("bob@example.org", "+911234");
        assertThat(recipient.address().country()).isEqualTo("IN");
        assertThat(recipient.address().city()).isEqualTo("Pune");
        assertThat(recipient.nationality()).isEqualTo("IN");
    }

    @Test
    void aPatientWithoutAnyNameIsAProblemNamingTheElement() {
        List<Problem> problems = new ArrayList<>();
        assertThat(RecipientMapper.map(
                        patient("{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\"}]}"),
                        "Bundle.entry[0].resource",
                        problems))
                .isEmpty();
        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.expression()).isEqualTo("Bundle.entry[0].resource.name"));
    }

    @Test
    void theLanguageIsThePreferredCommunicationElseTheFirst() {
        assertThat(language("""
                        [{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"en"}]}},
                         {"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"hi-IN"}]},"preferred":true}]""")).isEqualTo("hi-IN");
        assertThat(language("""
                        [{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"fr-FR"}]}},
                         {"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"en"}]}}]""")).isEqualTo("fr-FR");
        assertThat(language("[{\"language\":{\"coding\":[{\"code\":\"HI\"}]},\"preferred\":false}]"))
                .as("a code without a system is read as BCP 47, and normalised")
                .isEqualTo("hi");
    }

    @Test
    void noUsableLanguageIsNoLanguageAndNoProblem() {
        assertThat(language(null)).isNull();
        assertThat(language("[{\"language\":{\"text\":\"Hindi\"}}]")).isNull();
        assertThat(language("[{\"language\":{\"coding\":[{\"system\":\"urn:ietf:bcp:47\",\"code\":\"not a tag!\"}]}}]"))
                .isNull();
        assertThat(language(
                        "[{\"language\":{\"coding\":[{\"system\":\"http://example.org/langs\",\"code\":\"hi\"}]}}]"))
                .isNull();
    }

    private static String language(String communication) {
        String json = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Devi\"}]"
                + (communication == null ? "" : ",\"communication\":" + communication) + "}";
        List<Problem> problems = new ArrayList<>();
        Recipient recipient =
                RecipientMapper.map(patient(json), "Patient", problems).orElseThrow();
        assertThat(problems).isEmpty();
        return recipient.language();
    }

    @Test
    void countriesAreNormalisedToAlpha2() {
        assertThat(Countries.alpha2("DEU")).contains("DE");
        assertThat(Countries.alpha2("Germany")).contains("DE");
        assertThat(Countries.alpha2("us")).contains("US");
        assertThat(Countries.alpha2("Atlantis")).isEmpty();
    }
}

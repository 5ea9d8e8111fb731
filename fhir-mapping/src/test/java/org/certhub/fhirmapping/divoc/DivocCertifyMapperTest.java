package org.certhub.fhirmapping.divoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.certhub.fhirmapping.FhirIngestionSettings;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.fhirmapping.Problem;
import org.certhub.fhirmapping.Submission;
import org.certhub.fhirmapping.TestFhir;
import org.certhub.model.ContactPoint;
import org.certhub.model.Identifier;
import org.certhub.model.VaccinationEvent;
import org.junit.jupiter.api.Test;

class DivocCertifyMapperTest {

    private static final String REQUEST = """
            {"preEnrollmentCode":"PE-778899","enrollmentType":"WALKIN","programId":"covid-19","comorbidities":[],
             "recipient":{"name":"Ravi Kumar","age":"36","gender":"Male","nationality":"India",
               "identity":"did:in.gov.uidai.aadhaar:111122223344","contact":["tel:+919876543210","mailto:ravi@example.in"],
               "address":{"addressLine1":"12 MG Road","addressLine2":"","district":"Bengaluru Urban","state":"Karnataka","country":"IN","pincode":"560001"}},
             "vaccination":{"name":"COVISHIELD","batch":"4121Z005","manufacturer":"Serum Institute of India",
               "date":"2021-06-28T05:30:28.187Z","effectiveStart":"2021-06-28","effectiveUntil":"2022-06-28","dose":1,"totalDoses":2},
             "vaccinator":{"name":"Sister Mary"},
             "facility":{"name":"PHC Indiranagar","address":{"addressLine1":"100 Ft Road","district":"Bengaluru Urban","state":"Karnataka","country":"IN","pincode":"560038"}},
             "meta":{}}""";

    private final DivocCertifyMapper mapper =
            new DivocCertifyMapper(TestFhir.VALUE_SETS, FhirIngestionSettings.defaults(), TestFhir.CLOCK);

    @Test
    void aDivocRequestBecomesAnEventWithDivocsRules() {
        Submission submission = mapper.read("[" + REQUEST + "]", "divoc-client");
        assertThat(submission.kind()).isEqualTo(Submission.Kind.BATCH);
        assertThat(submission.entries()).singleElement().isInstanceOf(Submission.Accepted.class);
        VaccinationEvent event = ((Submission.Accepted) submission.entries().get(0)).event();

        assertThat(event.sourceRecordId()).isEqualTo("PE-778899|covid-19|1");
        assertThat(event.idempotencyKey()).isEqualTo("divoc-client|PE-778899|covid-19|1");
        assertThat(event.recipient().name().fullName()).isEqualTo("Ravi Kumar");
        assertThat(event.recipient().birthDate().iso())
                .isEqualTo("1990-01-01"); // 2026 - 36, DIVOC's administrative date
        assertThat(event.recipient().identifier(Identifier.IdentifierType.NATIONAL_ID))
                .get()
                .satisfies(id -> {
                    assertThat(id.system()).isEqualTo("did:in.gov.uidai.aadhaar");
                    assertThat(id.value()).isEqualTo("111122223344");
                });
        assertThat(event.recipient().contact(ContactPoint.Channel.PHONE)).contains("+919876543210");
        assertThat(event.recipient().contact(ContactPoint.Channel.EMAIL)).contains("ravi@example.in");
        assertThat(event.recipient().nationality()).isEqualTo("IN");
        assertThat(event.vaccination().product().code()).isEqualTo("Covishield");
        assertThat(event.vaccination().vaccine().code()).isEqualTo("29061000087103");
        assertThat(event.vaccination().manufacturer().code()).isEqualTo("ORG-100001981");
        assertThat(event.vaccination().date()).isEqualTo(LocalDate.of(2021, 6, 28));
        assertThat(event.vaccination().doseNumber()).isEqualTo(1);
        assertThat(event.vaccination().totalDoses()).isEqualTo(2);
        assertThat(event.vaccination().lot()).isEqualTo("4121Z005");
        assertThat(event.vaccination().country()).isEqualTo("IN");
        assertThat(event.facility().name()).isEqualTo("PHC Indiranagar");
        assertThat(event.practitioner().name()).isEqualTo("Sister Mary");
    }

    @Test
    void aGivenDobWinsOverTheAge() {
        Submission submission = mapper.read(
                "[" + REQUEST.replace("\"age\":\"36\"", "\"dob\":\"1985-03-04\",\"age\":\"36\"") + "]", "c");
        assertThat(((Submission.Accepted) submission.entries().get(0))
                        .event()
                        .recipient()
                        .birthDate()
                        .iso())
                .isEqualTo("1985-03-04");
    }

    @Test
    void missingRequiredFieldsAreRejectedWithTheirJsonPaths() {
        String incomplete = REQUEST.replace("\"identity\":\"did:in.gov.uidai.aadhaar:111122223344\",", "")
                .replace("\"dose\":1,", "\"dose\":0,")
                .replace("\"pincode\":\"560038\"", "\"pincode\":\"\"");
        Submission submission = mapper.read("[" + REQUEST + "," + incomplete + "]", "c");
        assertThat(submission.entries().get(0)).isInstanceOf(Submission.Accepted.class);
        assertThat(submission.entries().get(1)).isInstanceOfSatisfying(Submission.Rejected.class, r -> {
            assertThat(r.entryRef()).isEqualTo("$[1]");
            assertThat(r.problems())
                    .extracting(Problem::expression)
                    .containsExactlyInAnyOrder(
                            "$[1].recipient.identity", "$[1].vaccination.dose", "$[1].facility.address.pincode");
        });
    }

    @Test
    void anUnknownVaccineNameIsRejectedNamingIt() {
        Submission submission = mapper.read("[" + REQUEST.replace("COVISHIELD", "Wonder-Vax") + "]", "c");
        assertThat(submission.entries().get(0))
                .isInstanceOfSatisfying(
                        Submission.Rejected.class,
                        r -> assertThat(r.problems()).singleElement().satisfies(p -> {
                            assertThat(p.code()).isEqualTo("code-invalid");
                            assertThat(p.diagnostics()).contains("Wonder-Vax");
                            assertThat(p.expression()).isEqualTo("$[0].vaccination.name");
                        }));
    }

    @Test
    void aBodyThatIsNotAnArrayIsA400() {
        assertThatThrownBy(() -> mapper.read(REQUEST, "c"))
                .isInstanceOfSatisfying(
                        FhirInputException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> mapper.read("[{", "c"))
                .isInstanceOfSatisfying(
                        FhirInputException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> mapper.read("[]", "c"))
                .isInstanceOfSatisfying(
                        FhirInputException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void passportIdentitiesArePassports() {
        assertThat(DivocCertifyMapper.identifier("did:passport:IN:P1234567").type())
                .isEqualTo(Identifier.IdentifierType.PASSPORT);
        assertThat(DivocCertifyMapper.identifier("P1234567")).satisfies(id -> {
            assertThat(id.system()).isNull();
            assertThat(id.value()).isEqualTo("P1234567");
        });
    }
}

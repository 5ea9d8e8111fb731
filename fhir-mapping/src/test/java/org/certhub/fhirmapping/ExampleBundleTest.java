package org.certhub.fhirmapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.certhub.model.ContactPoint;
import org.certhub.model.Gender;
import org.certhub.model.Identifier;
import org.certhub.model.VaccinationEvent;
import org.junit.jupiter.api.Test;

/** The README's curl walkthrough posts config/examples/immunization-bundle.json: it must be accepted as it is. */
class ExampleBundleTest {

    @Test
    void theWalkthroughBundleIsAcceptedWithEverythingACertificateNeeds() {
        Submission submission = TestFhir.ingestion().read(TestFhir.exampleBundle(), FhirEncoding.JSON, "example-ehr");

        assertThat(submission.kind()).isEqualTo(Submission.Kind.TRANSACTION);
        assertThat(submission.entries()).singleElement().isInstanceOf(Submission.Accepted.class);
        Submission.Accepted accepted =
                (Submission.Accepted) submission.entries().get(0);
        assertThat(accepted.warnings()).isEmpty();
        VaccinationEvent event = accepted.event();
        assertThat(event.sourceSystem()).isEqualTo("example-ehr");
        assertThat(event.sourceRecordId()).isEqualTo("https://example.org/fhir/immunizations|IMM-2021-000147");
        assertThat(event.sourceVersion()).isEqualTo("1");
        assertThat(event.programmeId()).isEqualTo("covid-19");

        assertThat(event.recipient().name().fullName()).isEqualTo("Erika Mustermann");
        assertThat(event.recipient().birthDate().iso()).isEqualTo("1964-08-12");
        assertThat(event.recipient().gender()).isEqualTo(Gender.FEMALE);
        assertThat(event.recipient().contact(ContactPoint.Channel.EMAIL)).contains("erika.mustermann@example.org");
        assertThat(event.recipient().identifier(Identifier.IdentifierType.PASSPORT))
                .get()
                .extracting(Identifier::value)
                .isEqualTo("C01X00T47");
        assertThat(event.recipient().address().country()).isEqualTo("DE");

        var vaccination = event.vaccination();
        assertThat(vaccination.vaccine().code()).isEqualTo("1119349007");
        assertThat(vaccination.product().code()).isEqualTo("EU/1/20/1528");
        assertThat(vaccination.manufacturer().code()).isEqualTo("ORG-100030215");
        assertThat(vaccination.disease().code()).isEqualTo("840539006");
        assertThat(vaccination.lot()).isEqualTo("FD5918");
        assertThat(vaccination.date()).isEqualTo(LocalDate.of(2021, 5, 29));
        assertThat(vaccination.doseNumber()).isEqualTo(1);
        assertThat(vaccination.totalDoses()).isEqualTo(2);
        assertThat(vaccination.country()).isEqualTo("DE");
        assertThat(event.facility().name()).isEqualTo("Impfzentrum Köln Messe");
        assertThat(event.practitioner().name()).isEqualTo("Dr. Jonas Schmidt");
    }
}

package org.certhub.routes.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.certhub.model.Code;
import org.certhub.model.Gender;
import org.certhub.model.Identifier;
import org.certhub.model.Identifier.IdentifierType;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.junit.jupiter.api.Test;

class PersonKeysTest {

    private static final Identifier PASSPORT =
            new Identifier(IdentifierType.PASSPORT, "http://hl7.org/fhir/sid/passport-DEU", "C01X00T47");
    private static final Identifier RECORD =
            new Identifier(IdentifierType.MEDICAL_RECORD, "https://hospital.example/mrn", "4711");

    @Test
    void theSamePersonOfTheSameSenderHasOneKeyWhateverTheDoseOrTheOrderOfIdentifiers() {
        String dose1 = PersonKeys.of(event("hospital", "rec-1", List.of(PASSPORT, RECORD), "Erika Mustermann"))
                .orElseThrow();
        String dose2 = PersonKeys.of(event("hospital", "rec-2", List.of(RECORD, PASSPORT), "Erika Musterfrau"))
                .orElseThrow();

        assertThat(dose2).isEqualTo(dose1).hasSize(64).doesNotContain("C01X00T47");
    }

    @Test
    void anotherSenderOrAnotherIdentifierIsAnotherPerson() {
        String key = PersonKeys.of(event("hospital", "rec-1", List.of(PASSPORT), "Erika Mustermann"))
                .orElseThrow();

        assertThat(PersonKeys.of(event("registry", "rec-1", List.of(PASSPORT), "Erika Mustermann")))
                .get()
                .isNotEqualTo(key);
        assertThat(PersonKeys.of(event("hospital", "rec-1", List.of(RECORD), "Erika Mustermann")))
                .get()
                .isNotEqualTo(key);
    }

    @Test
    void withoutIdentifiersTheNameAndBirthDateDecideCaseAccentsAndPunctuationAside() {
        String key = PersonKeys.of(event("hospital", "rec-1", List.of(), "Zoë  O'Brien"))
                .orElseThrow();

        assertThat(PersonKeys.of(event("hospital", "rec-2", List.of(), "ZOE O BRIEN")))
                .hasValue(key);
        assertThat(PersonKeys.of(event("hospital", "rec-3", List.of(), "Zoe OBrian")))
                .get()
                .isNotEqualTo(key);
        assertThat(PersonKeys.of(event("hospital", "rec-4", List.of(), " "))).isEmpty();
    }

    private static VaccinationEvent event(String sender, String record, List<Identifier> identifiers, String name) {
        Recipient recipient = new Recipient(
                new PersonName(List.of(), null, name),
                new PartialDate("1964-08-12"),
                Gender.FEMALE,
                identifiers,
                List.of(),
                null,
                null);
        Vaccination dose = new Vaccination(
                Code.of("http://snomed.info/sct", "1119349007"),
                null,
                null,
                null,
                null,
                LocalDate.parse("2021-05-29"),
                1,
                2,
                null,
                null);
        return new VaccinationEvent(sender, record, null, "covid-19", recipient, dose, null, null);
    }
}

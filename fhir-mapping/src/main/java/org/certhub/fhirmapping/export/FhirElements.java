package org.certhub.fhirmapping.export;

import java.time.LocalDate;
import java.util.Locale;
import java.util.MissingResourceException;
import org.certhub.model.Code;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;

/** The FHIR data types both export writers build from the model, in one place. */
final class FhirElements {

    private FhirElements() {}

    /** A coding with system and code only: displays are left out (SHC minimisation; DDCC leaves them optional). */
    static Coding coding(Code code) {
        Coding coding = new Coding().setCode(code.code());
        if (code.system() != null && !code.system().isBlank()) {
            coding.setSystem(code.system());
        }
        return coding;
    }

    static CodeableConcept concept(Code code) {
        return new CodeableConcept().addCoding(coding(code));
    }

    /** The structured name parts; the sender's text only when it gave no parts. */
    static HumanName name(PersonName name) {
        HumanName human = new HumanName();
        if (name.family() != null && !name.family().isBlank()) {
            human.setFamily(name.family());
        }
        name.given().stream().filter(part -> part != null && !part.isBlank()).forEach(human::addGiven);
        if (!human.hasFamily() && !human.hasGiven()) {
            human.setText(name.fullName());
        }
        return human;
    }

    /** A birth date at the precision it is known to: {@code 1964}, {@code 1964-08} or {@code 1964-08-12}. */
    static DateType date(PartialDate date) {
        return new DateType(date.iso());
    }

    /** A vaccination date as a day-precision dateTime, as FHIR writes {@code occurrenceDateTime: "2021-01-29"}. */
    static DateTimeType day(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    /**
     * The ISO 3166-1 alpha-3 code DDCC prefers for a country: alpha-2 codes are converted, alpha-3 codes and
     * codes the JDK does not know are kept as given.
     */
    static String alpha3Country(String country) {
        String upper = country.trim().toUpperCase(Locale.ROOT);
        if (upper.length() != 2) {
            return upper;
        }
        try {
            String alpha3 = new Locale("", upper).getISO3Country();
            return alpha3.isEmpty() ? upper : alpha3;
        } catch (MissingResourceException unknown) {
            return upper;
        }
    }
}

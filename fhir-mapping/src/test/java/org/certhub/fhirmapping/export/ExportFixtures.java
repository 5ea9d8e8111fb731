package org.certhub.fhirmapping.export;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.List;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.Facility;
import org.certhub.model.Gender;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;

/** The one R4 context the export tests share, and certificates assembled by hand. */
final class ExportFixtures {

    static final FhirContext FHIR = FhirContext.forR4();
    static final String CERTIFICATE_ID_SYSTEM = "https://certhub.example/certificate-id";

    private ExportFixtures() {}

    static Certificate certificate(
            String id, PersonName name, PartialDate birthDate, Vaccination vaccination, Facility facility) {
        Recipient recipient = new Recipient(name, birthDate, Gender.UNKNOWN, List.of(), List.of(), null, null);
        VaccinationEvent event =
                new VaccinationEvent("test", id + "-record", null, "covid-19", recipient, vaccination, facility, null);
        return new Certificate(id, 1, null, "event-" + id, event, Instant.parse("2021-02-01T10:00:00Z"));
    }

    static Code code(String system, String code) {
        return Code.of(system, code);
    }
}

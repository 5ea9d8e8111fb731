package org.certhub.signer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.certhub.model.Address;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.ContactPoint;
import org.certhub.model.Facility;
import org.certhub.model.Gender;
import org.certhub.model.Identifier;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Practitioner;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;

/** A realistic second-dose certificate, as the certify route hands it to the signer. */
public final class TestCertificates {

    public static final Instant ISSUED_AT = Instant.parse("2021-08-14T09:31:07.481Z");

    private TestCertificates() {}

    public static Certificate secondDose() {
        return secondDose("CH-2021-000042");
    }

    public static Certificate secondDose(String certificateId) {
        Recipient recipient = new Recipient(
                new PersonName(List.of("Asha"), "Verma", null),
                new PartialDate("1987-03-21"),
                Gender.FEMALE,
                List.of(new Identifier(
                        Identifier.IdentifierType.NATIONAL_ID, "did:in.gov.uidai.aadhaar", "111122223344")),
                List.of(
                        new ContactPoint(ContactPoint.Channel.PHONE, "+919876543210"),
                        new ContactPoint(ContactPoint.Channel.EMAIL, "asha.verma@example.org")),
                new Address(
                        List.of("14 MG Road", "Flat 3B"), "Bengaluru", "Bengaluru Urban", "Karnataka", "560001", "IN"),
                "Indian");
        Vaccination vaccination = new Vaccination(
                new Code(
                        "http://id.who.int/icd/release/11/mms",
                        "XM9QW8",
                        "COVID-19 vaccine, non-replicating viral vector"),
                new Code(
                        "https://ec.europa.eu/health/documents/community-register/html/", "EU/1/21/1529", "COVISHIELD"),
                new Code(
                        "https://spor.ema.europa.eu/v1/organisations",
                        "ORG-100001981",
                        "Serum Institute of India Pvt. Ltd."),
                new Code("http://snomed.info/sct", "840539006", "COVID-19"),
                "4121Z005",
                LocalDate.of(2021, 8, 12),
                2,
                2,
                "IN",
                null);
        VaccinationEvent event = new VaccinationEvent(
                "cowin-gateway",
                "PEC-0044-7781",
                "1",
                "covid-19",
                recipient,
                vaccination,
                new Facility(
                        "FAC-556",
                        "Primary Health Centre Jayanagar",
                        new Address(
                                List.of("11th Main Road"),
                                "Bengaluru",
                                "Bengaluru Urban",
                                "Karnataka",
                                "560041",
                                "IN")),
                new Practitioner("HW-901", "Dr. Meera Rao"));
        return new Certificate(certificateId, 1, null, "evt-7f3c2a", event, ISSUED_AT);
    }
}

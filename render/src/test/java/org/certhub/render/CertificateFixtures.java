package org.certhub.render;

import java.nio.file.Path;
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
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.certhub.signer.SignedCredential;

/** A certificate and credential built by hand: rendering never checks signatures. */
final class CertificateFixtures {

    /** The repository's config/ folder, seen from the module directory the tests run in. */
    static final Path CONFIG = Path.of("..", "config");

    private CertificateFixtures() {}

    static Templates templates() {
        return Templates.from(ConfigSource.directory(CONFIG));
    }

    static Certificate certificate(String name, String programme) {
        Recipient recipient = new Recipient(
                new PersonName(List.of(), null, name),
                new PartialDate("1964-08-12"),
                Gender.FEMALE,
                List.of(new Identifier(
                        Identifier.IdentifierType.NATIONAL_ID, "did:in.gov.uidai.aadhaar", "234567891234")),
                List.of(new ContactPoint(ContactPoint.Channel.EMAIL, "asha@example.org")),
                Address.ofCountry("IN"),
                "IN");
        Vaccination vaccination = new Vaccination(
                new Code("http://snomed.info/sct", "1119349007", "COVID-19 mRNA vaccine"),
                new Code("https://ec.europa.eu/health/documents/community-register/html/", "EU/1/20/1528", "Comirnaty"),
                new Code(null, "ORG-100030215", "Biontech Manufacturing GmbH"),
                new Code("http://snomed.info/sct", "840539006", "COVID-19"),
                "FK8891",
                LocalDate.of(2021, 5, 14),
                2,
                2,
                "IN",
                null);
        VaccinationEvent event = new VaccinationEvent(
                "test-emr",
                "imm-42",
                "1",
                programme,
                recipient,
                vaccination,
                new Facility("F-17", "Primary Health Centre Wardha", Address.ofCountry("IN")),
                null);
        return new Certificate("CERT-0000042", 1, null, "evt-42", event, Instant.parse("2021-05-15T08:30:00Z"));
    }

    static SignedCredential credential(String format, String qrText) {
        return new SignedCredential(format, "test-key-1", qrText, "text/plain", qrText);
    }
}

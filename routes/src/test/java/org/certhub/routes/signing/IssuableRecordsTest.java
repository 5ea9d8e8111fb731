package org.certhub.routes.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.certhub.fhirmapping.Submission;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.config.ProgrammeProperties;
import org.certhub.signer.CredentialFormat;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.hcert.EuDccFormat;
import org.certhub.signer.hcert.EuDccSettings;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;
import org.junit.jupiter.api.Test;

/** The intake's refusal of records no certificate could be issued for, with the real EU DCC format's own checks. */
class IssuableRecordsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private static final Code SNOMED_MRNA_TYPE = Code.of("http://snomed.info/sct", "1119349007");
    private static final Code COMIRNATY =
            Code.of("https://ec.europa.eu/health/documents/community-register/html/", "EU/1/20/1528");

    /** The EU DCC's record checks need no key: signing is never reached here. */
    private static final SigningKeyProvider NO_KEYS = new SigningKeyProvider() {
        @Override
        public SigningKey activeKey(KeyPurpose purpose) {
            throw new IllegalStateException("no keys in this test");
        }

        @Override
        public List<SigningKey> keys(KeyPurpose purpose) {
            return List.of();
        }
    };

    /** A format that carries any record, as W3C VC does. */
    private static final CredentialFormat ANY_RECORD = new CredentialFormat() {
        @Override
        public String id() {
            return "w3c-vc";
        }

        @Override
        public SignedCredential sign(Certificate certificate) {
            throw new IllegalStateException("not signed at intake");
        }
    };

    private static IssuableRecords records(List<String> formats, List<String> required) {
        ProgrammeProperties programmes = new ProgrammeProperties(
                Map.of("covid-19", new ProgrammeProperties.Programme(formats, null, false, null, required, null)));
        CerthubProperties properties = new CerthubProperties(
                null, "http://localhost", null, null, 1024, null, null, null, null, List.of("w3c-vc"), null, null);
        CredentialFormat euDcc = new EuDccFormat(EuDccSettings.of("XX", "test issuer", "CERTHUB"), NO_KEYS);
        return new IssuableRecords(new CredentialIssuer(List.of(ANY_RECORD, euDcc), properties, programmes), CLOCK);
    }

    private static Submission.Accepted dose(Code product) {
        Vaccination vaccination = new Vaccination(
                SNOMED_MRNA_TYPE,
                product,
                Code.of(null, "ORG-100030215"),
                Code.of("http://snomed.info/sct", "840539006"),
                "FK1234",
                LocalDate.of(2025, 5, 20),
                1,
                2,
                "XX",
                null);
        Recipient recipient = new Recipient(
                new PersonName(List.of("Erika"), "Mustermann", null),
                new PartialDate("1964-08-12"),
                null,
                List.of(),
                List.of(),
                null,
                null);
        return new Submission.Accepted(
                "Immunization/1",
                new VaccinationEvent("test", "rec-1", null, "covid-19", recipient, vaccination, null, null));
    }

    @Test
    void aRecordSomeFormatCarriesIsAccepted() {
        Submission.Accepted typeOnly = dose(null);

        assertThat(records(List.of("w3c-vc", "eu-dcc"), List.of()).screen(typeOnly))
                .isSameAs(typeOnly);
        assertThat(records(List.of("eu-dcc"), List.of("eu-dcc")).screen(dose(COMIRNATY)))
                .isInstanceOf(Submission.Accepted.class);
    }

    @Test
    void aRecordNoConfiguredFormatCarriesIs422NamingWhatItLacks() {
        Submission.Entry screened = records(List.of("eu-dcc"), List.of()).screen(dose(null));

        assertThat(screened).isInstanceOfSatisfying(Submission.Rejected.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(422);
            assertThat(rejected.entryRef()).isEqualTo("Immunization/1");
            assertThat(rejected.problems())
                    .singleElement()
                    .satisfies(
                            problem -> assertThat(problem.diagnostics())
                                    .contains(
                                            "eu-dcc needs Immunization.vaccineCode as a medicinal product code (no-medicinal-product)"));
        });
    }

    @Test
    void aRequiredFormatTheRecordLacksIs422ThoughAnotherFormatCouldCarryIt() {
        Submission submission = new Submission(Submission.Kind.BATCH, List.of(dose(null), dose(COMIRNATY)));

        Submission screened =
                records(List.of("w3c-vc", "eu-dcc"), List.of("eu-dcc")).screen(submission);

        assertThat(screened.entries()).hasSize(2);
        assertThat(screened.entries(Submission.Rejected.class))
                .singleElement()
                .satisfies(rejected ->
                        assertThat(rejected.problems().get(0).diagnostics()).contains("requires"));
        assertThat(screened.entries(Submission.Accepted.class)).hasSize(1);
    }

    @Test
    void aRequiredFormatTheProgrammeDoesNotIssueIsAConfigurationError() {
        assertThatThrownBy(() -> records(List.of("w3c-vc"), List.of("eu-dcc")))
                .hasMessageContaining("programme covid-19 requires format eu-dcc, which it does not issue");
    }
}

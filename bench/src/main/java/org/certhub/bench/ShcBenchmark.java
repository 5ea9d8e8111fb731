package org.certhub.bench;

import ca.uhn.fhir.context.FhirContext;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.certhub.fhirmapping.export.ShcBundleWriter;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.Facility;
import org.certhub.model.Gender;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.shc.ShcFormat;
import org.certhub.signer.shc.ShcQrCode;
import org.certhub.signer.shc.ShcRevocations;
import org.certhub.signer.shc.ShcVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SMART Health Card cost per certificate: the minimal FHIR bundle alone; bundle + payload + DEFLATE + ES256
 * signature + numeric {@code shc:/} text (what issuing costs without an image); verifying that text; and the
 * QR PNG, which channels that need no image should skip.
 * <p>
 * {@code java -jar bench/target/certhub-bench.jar Shc -f 1 -wi 2 -i 3 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ShcBenchmark {

    private static final String ISSUER = "https://certhub.example/shc";
    private static final String ID_SYSTEM = "https://certhub.example/certificate-id";

    private ShcBundleWriter bundles;
    private ShcFormat format;
    private ShcVerifier verifier;
    private Certificate certificate;
    private String qrText;

    @Setup
    public void setUp() throws GeneralSecurityException {
        bundles = new ShcBundleWriter(FhirContext.forR4());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String kid = ShcFormat.thumbprintOf(pair.getPublic());
        SigningKey key = new SigningKey(
                kid, KeyPurpose.SHC, pair.getPrivate(), pair.getPublic(), List.of(), null, Instant.now(), true);
        format = new ShcFormat(
                new ShcFormat.Settings(ISSUER),
                SigningKeyProvider.single(key),
                (certificate, maxDoses) ->
                        bundles.bundleJson(certificate.recipient(), List.of(certificate.event()), maxDoses));
        TrustedKey trusted = new TrustedKey(kid, pair.getPublic(), ISSUER, null);
        verifier = new ShcVerifier(
                (purpose, id) -> id.equals(kid) ? List.of(trusted) : List.of(),
                new ShcVerifier.Settings(ID_SYSTEM),
                ShcRevocations.NONE);
        certificate = certificate();
        qrText = format.sign(certificate).qrText();
    }

    private static Certificate certificate() {
        Recipient recipient = new Recipient(
                new PersonName(List.of("Asha", "Devi"), "Rao", null),
                new PartialDate("1990-04-12"),
                Gender.FEMALE,
                List.of(),
                List.of(),
                null,
                "IN");
        Vaccination vaccination = new Vaccination(
                Code.of("http://hl7.org/fhir/sid/cvx", "208"),
                null,
                null,
                Code.of("http://snomed.info/sct", "840539006"),
                "EW0182",
                LocalDate.parse("2021-06-30"),
                2,
                2,
                "IN",
                null);
        VaccinationEvent event = new VaccinationEvent(
                "bench",
                "rec-1",
                null,
                "covid-19",
                recipient,
                vaccination,
                new Facility("fac-1", "City Hospital", null),
                null);
        return new Certificate("CERT-2021-000042", 1, null, "event-1", event, Instant.parse("2021-07-01T09:30:00Z"));
    }

    @Benchmark
    public String writeBundle() {
        return bundles.bundleJson(certificate.recipient(), List.of(certificate.event()), Integer.MAX_VALUE);
    }

    @Benchmark
    public SignedCredential signToQrText() {
        return format.sign(certificate);
    }

    @Benchmark
    public VerificationResult verify() {
        return verifier.verify(qrText, certificate.issuedAt());
    }

    @Benchmark
    public byte[] qrPng() {
        return ShcQrCode.png(qrText, 400);
    }
}

package org.certhub.bench;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.certhub.model.Address;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.Facility;
import org.certhub.model.Gender;
import org.certhub.model.Identifier;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Practitioner;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.certhub.signer.qr.DivocQr;
import org.certhub.signer.qr.QrCodes;
import org.certhub.signer.trust.HubTrustedKeys;
import org.certhub.signer.w3c.W3cVcFormat;
import org.certhub.signer.w3c.W3cVcSettings;
import org.certhub.signer.w3c.W3cVcVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-certificate cost of the W3C VC format: signing (JSON-LD canonicalization + Ed25519), verifying, DIVOC's
 * zipped QR payload, and the QR PNG (600 px, error correction M). Run: {@code java -jar bench/target/certhub-bench.jar W3cVc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class W3cVcBenchmark {

    private static final int VERIFY_ROTATION = 16;
    private static final Instant VERIFY_AT = Instant.parse("2022-01-01T00:00:00Z");

    private Path keysDir;
    private W3cVcFormat format;
    private W3cVcVerifier verifier;
    private Certificate certificate;
    private SignedCredential signed;
    /** QR texts of credentials issued in distinct seconds, verified in turn. */
    private String[] toVerify;

    private int verified;
    private long issuedSeconds;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        keysDir = Files.createTempDirectory("certhub-bench-keys");
        KeyStoreSigningKeyProvider keys = KeyStoreSigningKeyProvider.openOrCreate(keysDir.resolve("keys"), null);
        W3cVcSettings settings = new W3cVcSettings(
                "did:web:certs.example.org",
                "https://certs.example.org/certificates/",
                "https://certs.example.org/learn",
                "https://certs.example.org/feedback",
                "https://certs.example.org" + W3cVcSettings.CONTEXT_PATH,
                Period.ofYears(1));
        format = new W3cVcFormat(settings, keys);
        verifier = new W3cVcVerifier(
                new HubTrustedKeys(keys, new HubTrustedKeys.Settings(settings.issuer(), null, null)), settings);
        certificate = certificate();
        signed = format.sign(certificate);
        toVerify = new String[VERIFY_ROTATION];
        for (int i = 0; i < toVerify.length; i++) {
            toVerify[i] = format.sign(issuedLater(i + 1)).qrText();
            if (!verifier.verify(toVerify[i], VERIFY_AT).valid()) {
                throw new IllegalStateException("the benchmark credential does not verify");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(keysDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Each certificate issued in a new second: nothing of the proof configuration can be reused (worst case). */
    @Benchmark
    public SignedCredential sign() {
        issuedSeconds++;
        return format.sign(issuedLater(issuedSeconds));
    }

    /** Certificates issued in the same second by the same key, as in a burst: the proof configuration's hash is reused. */
    @Benchmark
    public SignedCredential signSameSecond() {
        return format.sign(certificate);
    }

    /**
     * A QR scanned at the hub: credentials issued in distinct seconds in turn, so the proof configuration's hash
     * cannot be reused (worst case, as {@link #sign()}).
     */
    @Benchmark
    public VerificationResult verify() {
        verified = (verified + 1) % toVerify.length;
        return verifier.verify(toVerify[verified], VERIFY_AT);
    }

    @Benchmark
    public byte[] divocZip() {
        return DivocQr.zip(signed.document());
    }

    @Benchmark
    public byte[] qrPng() {
        return QrCodes.png(signed.qrText(), ErrorCorrectionLevel.M, 600);
    }

    private Certificate issuedLater(long seconds) {
        return new Certificate(
                certificate.id(),
                1,
                null,
                certificate.eventId(),
                certificate.event(),
                certificate.issuedAt().plusSeconds(seconds));
    }

    private static Certificate certificate() {
        Recipient recipient = new Recipient(
                new PersonName(List.of("Asha"), "Verma", null),
                new PartialDate("1987-03-21"),
                Gender.FEMALE,
                List.of(new Identifier(
                        Identifier.IdentifierType.NATIONAL_ID, "did:in.gov.uidai.aadhaar", "111122223344")),
                List.of(),
                new Address(List.of(), "Bengaluru", "Bengaluru Urban", "Karnataka", "560001", "IN"),
                "Indian");
        Vaccination vaccination = new Vaccination(
                new Code(
                        "http://id.who.int/icd/release/11/mms",
                        "XM9QW8",
                        "COVID-19 vaccine, non-replicating viral vector"),
                new Code(null, "EU/1/21/1529", "COVISHIELD"),
                new Code(null, "ORG-100001981", "Serum Institute of India Pvt. Ltd."),
                new Code("http://snomed.info/sct", "840539006", "COVID-19"),
                "4121Z005",
                LocalDate.of(2021, 8, 12),
                2,
                2,
                "IN",
                null);
        VaccinationEvent event = new VaccinationEvent(
                "bench",
                "PEC-0044-7781",
                "1",
                "covid-19",
                recipient,
                vaccination,
                new Facility(
                        "FAC-556",
                        "Primary Health Centre Jayanagar",
                        new Address(List.of(), "Bengaluru", "Bengaluru Urban", "Karnataka", "560041", "IN")),
                new Practitioner("HW-901", "Dr. Meera Rao"));
        return new Certificate("CH-2021-000042", 1, null, "evt-bench", event, Instant.parse("2021-08-14T09:31:07Z"));
    }
}

package org.certhub.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.certhub.signer.hcert.DocumentSigners;
import org.certhub.signer.hcert.EuDccFormat;
import org.certhub.signer.hcert.EuDccSettings;
import org.certhub.signer.hcert.EuDccVerifier;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.qr.QrCodes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * EU DCC costs per certificate: signing and encoding to the {@code HC1:} text (DCC JSON, CWT, COSE ES256 with a
 * P-256 key, zlib, Base45), verifying it, and drawing its QR code as a PNG at error correction Q.
 * Run: {@code java -jar bench/target/certhub-bench.jar EuDcc -f 1 -wi 2 -i 3 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EuDccBenchmark {

    private static final int QR_SIZE_PX = 400;

    private EuDccFormat format;
    private EuDccVerifier verifier;
    private Certificate certificate;
    private String hc1;
    private Instant verifyAt;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=certhub bench DSC, C=XX");
        X509Certificate dsc = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                subject,
                                BigInteger.ONE,
                                Date.from(now.minus(Duration.ofDays(1))),
                                Date.from(now.plus(Duration.ofDays(730))),
                                subject,
                                keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        SigningKey key = new SigningKey(
                DocumentSigners.kidBase64(dsc),
                KeyPurpose.EU_DCC,
                keys.getPrivate(),
                keys.getPublic(),
                List.of(dsc),
                null,
                now,
                true);
        SigningKeyProvider provider = SigningKeyProvider.single(key);
        format = new EuDccFormat(EuDccSettings.of("XX", "certhub benchmark", "CERTHUB"), provider);
        TrustedKey trusted = new TrustedKey(key.kid(), keys.getPublic(), "bench", dsc);
        verifier = new EuDccVerifier((purpose, kid) -> kid.equals(trusted.kid()) ? List.of(trusted) : List.of());
        Recipient recipient = new Recipient(
                new PersonName(List.of("Ana", "Maria"), "Silva Müller", null),
                new PartialDate("1980-04-12"),
                null,
                List.of(),
                List.of(),
                null,
                "XX");
        Vaccination vaccination = new Vaccination(
                Code.of("http://snomed.info/sct", "1119349007"),
                Code.of(null, "EU/1/20/1528"),
                Code.of(null, "ORG-100030215"),
                Code.of("http://snomed.info/sct", "840539006"),
                "FK1234",
                LocalDate.now().minusDays(3),
                2,
                2,
                "XX",
                null);
        certificate = new Certificate(
                "CERT-BENCH-0001",
                1,
                null,
                "event-1",
                new VaccinationEvent("bench", "record-1", null, "covid-19", recipient, vaccination, null, null),
                now);
        hc1 = format.sign(certificate).qrText();
        verifyAt = now.plus(Duration.ofDays(1));
    }

    @Benchmark
    public String signAndEncode() {
        return format.sign(certificate).qrText();
    }

    @Benchmark
    public boolean verify() {
        return verifier.verify(hc1, verifyAt).valid();
    }

    @Benchmark
    public byte[] qrPng() {
        return QrCodes.png(hc1, EuDccFormat.QR_ERROR_CORRECTION, QR_SIZE_PX);
    }
}

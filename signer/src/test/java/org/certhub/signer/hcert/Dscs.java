package org.certhub.signer.hcert;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.keys.TrustedKeys;

/** Test document signers: generated keys with a self-issued DSC (BouncyCastle), and the providers around them. */
final class Dscs {

    static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");

    private Dscs() {}

    static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A DSC for the key pair, country XX, valid two years, with these EU DCC extended key usages (none: no extension). */
    static X509Certificate certificate(KeyPair keys, String... keyUsageOids) throws Exception {
        X500Name subject = new X500Name("CN=certhub test DSC, O=certhub, C=XX");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.valueOf(System.nanoTime()),
                Date.from(NOT_BEFORE),
                Date.from(NOT_BEFORE.plus(Duration.ofDays(730))),
                subject,
                keys.getPublic());
        if (keyUsageOids.length > 0) {
            KeyPurposeId[] purposes = Arrays.stream(keyUsageOids)
                    .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)))
                    .toArray(KeyPurposeId[]::new);
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
        }
        String algorithm = keys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
    }

    static SigningKey signingKey(KeyPair keys, X509Certificate dsc, Provider provider) {
        return new SigningKey(
                DocumentSigners.kidBase64(dsc),
                KeyPurpose.EU_DCC,
                keys.getPrivate(),
                keys.getPublic(),
                List.of(dsc),
                provider,
                NOT_BEFORE,
                true);
    }

    /** One active EU DCC key, also trusted by kid. */
    record Fixed(SigningKey key) implements SigningKeyProvider, TrustedKeys {

        @Override
        public SigningKey activeKey(KeyPurpose purpose) {
            if (purpose != KeyPurpose.EU_DCC) {
                throw new IllegalArgumentException("no key for " + purpose);
            }
            return key;
        }

        @Override
        public List<SigningKey> keys(KeyPurpose purpose) {
            return purpose == KeyPurpose.EU_DCC ? List.of(key) : List.of();
        }

        @Override
        public List<TrustedKey> find(KeyPurpose purpose, String kid) {
            return findByKid(purpose, kid)
                    .map(k -> new TrustedKey(
                            k.kid(),
                            k.publicKey(),
                            "certhub test",
                            k.certificateChain().get(0)))
                    .stream()
                    .toList();
        }
    }
}

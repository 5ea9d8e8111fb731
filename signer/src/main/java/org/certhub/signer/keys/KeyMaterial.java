package org.certhub.signer.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Key pairs and certificates generated with BouncyCastle: the development keys and key rotation. */
public final class KeyMaterial {

    /** EU DCC extended key usage: the document signer may sign vaccination certificates. */
    public static final String EU_DCC_EKU_VACCINATION = "1.3.6.1.4.1.1847.2021.1.2";

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {}

    /** The algorithm each purpose signs with: Ed25519 for W3C VCs, P-256 for the others. */
    public static KeyPair generate(KeyPurpose purpose) {
        return purpose == KeyPurpose.W3C_VC ? ed25519() : p256();
    }

    public static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519", Bc.PROVIDER).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an Ed25519 key", e);
        }
    }

    public static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    /** A self-signed certificate; {@code ca} makes it a CA (a CSCA), otherwise a plain holder of the key. */
    public static X509Certificate selfSigned(
            KeyPair keyPair, String subject, Instant notBefore, Duration validity, boolean ca) {
        return selfSigned(keyPair, subject, notBefore, validity, ca, Bc.PROVIDER);
    }

    /** As above, signing with {@code provider}: the one that holds the private key (an HSM's, say). */
    public static X509Certificate selfSigned(
            KeyPair keyPair, String subject, Instant notBefore, Duration validity, boolean ca, Provider provider) {
        X500Name name = new X500Name(subject);
        X509v3CertificateBuilder builder = builder(name, name, keyPair.getPublic(), notBefore, validity);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the certificate extensions", e);
        }
        return sign(builder, keyPair.getPrivate(), provider);
    }

    /**
     * An EU DCC document signer certificate for {@code signerKey}, issued by the CSCA: digitalSignature key
     * usage and the extended key usage for vaccination certificates.
     */
    public static X509Certificate documentSigner(
            PublicKey signerKey,
            String subject,
            X509Certificate csca,
            PrivateKey cscaKey,
            Instant notBefore,
            Duration validity) {
        X509v3CertificateBuilder builder = builder(
                X500Name.getInstance(csca.getSubjectX500Principal().getEncoded()),
                new X500Name(subject),
                signerKey,
                notBefore,
                validity);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(csca));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(signerKey));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(EU_DCC_EKU_VACCINATION))));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the certificate extensions", e);
        }
        return sign(builder, cscaKey, Bc.PROVIDER);
    }

    /** The JCA signature algorithm for a key: Ed25519, SHA256withECDSA or SHA256withRSA. */
    public static String certificateSignatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
        };
    }

    /** The same private key as a BouncyCastle key (software keys only: an HSM key has no encoding). */
    static PrivateKey toBc(PrivateKey key) {
        try {
            return KeyFactory.getInstance(keyFactoryAlgorithm(key.getAlgorithm()), Bc.PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read a " + key.getAlgorithm() + " private key", e);
        }
    }

    /** The same public key as a BouncyCastle key. */
    public static PublicKey toBc(PublicKey key) {
        try {
            return KeyFactory.getInstance(keyFactoryAlgorithm(key.getAlgorithm()), Bc.PROVIDER)
                    .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read a " + key.getAlgorithm() + " public key", e);
        }
    }

    private static String keyFactoryAlgorithm(String algorithm) {
        return switch (algorithm) {
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "EC", "ECDSA" -> "EC";
            case "RSA" -> "RSA";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + algorithm);
        };
    }

    private static X509v3CertificateBuilder builder(
            X500Name issuer, X500Name subject, PublicKey key, Instant notBefore, Duration validity) {
        BigInteger serial = new BigInteger(127, RANDOM);
        return new JcaX509v3CertificateBuilder(
                issuer, serial, Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey, Provider provider) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(certificateSignatureAlgorithm(issuerKey))
                    .setProvider(provider)
                    .build(issuerKey);
            return new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(builder.build(signer));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the certificate", e);
        }
    }
}

package org.certhub.signer.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Signing keys from PEM files: per purpose a list of keys, the first active and the others retired (list
 * them newest first). Each key is an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}; an OpenSSL
 * {@code BEGIN EC PRIVATE KEY} is read too) with, optionally, its certificate chain (signer first), which an
 * EU DCC document signer needs. Without a certificate, the public key is derived from the private key.
 */
public final class PemSigningKeyProvider extends ListedSigningKeys {

    /** One key: its private key file and, optionally, its certificate chain file. */
    public record PemKey(Path privateKey, Path certificateChain) {
        public PemKey {
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    /** Per purpose, its keys: active first, then retired ones, newest first. */
    public record Settings(Map<KeyPurpose, List<PemKey>> keys) {
        public Settings {
            keys = Map.copyOf(keys);
        }
    }

    public PemSigningKeyProvider(Settings settings) {
        super("PEM key");
        for (KeyPurpose purpose : KeyPurpose.values()) {
            List<PemKey> files = settings.keys().getOrDefault(purpose, List.of());
            List<SigningKey> loaded = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                loaded.add(read(purpose, files.get(i), i == 0));
            }
            list(purpose, loaded);
        }
    }

    private static SigningKey read(KeyPurpose purpose, PemKey files, boolean active) {
        try {
            KeyPairParts parts = readPrivateKey(files.privateKey());
            List<X509Certificate> chain =
                    files.certificateChain() == null ? List.of() : readCertificates(files.certificateChain());
            PublicKey publicKey = chain.isEmpty()
                    ? parts.publicKey()
                    : KeyMaterial.toBc(chain.get(0).getPublicKey());
            if (publicKey == null) {
                throw new IllegalArgumentException(
                        "cannot derive the public key of " + files.privateKey() + "; give its certificate");
            }
            Instant createdAt = chain.isEmpty()
                    ? Files.getLastModifiedTime(files.privateKey()).toInstant()
                    : chain.get(0).getNotBefore().toInstant();
            return new SigningKey(
                    KeyIds.of(purpose, publicKey, chain),
                    purpose,
                    parts.privateKey(),
                    publicKey,
                    chain,
                    Bc.PROVIDER,
                    createdAt,
                    active);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PEM key " + files.privateKey(), e);
        }
    }

    private record KeyPairParts(PrivateKey privateKey, PublicKey publicKey) {}

    private static KeyPairParts readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(Bc.PROVIDER);
            if (object instanceof PrivateKeyInfo info) {
                PrivateKey privateKey = converter.getPrivateKey(info);
                return new KeyPairParts(privateKey, derivePublicKey(privateKey));
            }
            if (object instanceof PEMKeyPair pair) {
                return new KeyPairParts(
                        converter.getPrivateKey(pair.getPrivateKeyInfo()),
                        converter.getPublicKey(pair.getPublicKeyInfo()));
            }
            throw new IllegalArgumentException(file + " holds no unencrypted private key");
        }
    }

    private static PublicKey derivePublicKey(PrivateKey privateKey) {
        if (privateKey instanceof EdDSAPrivateKey ed) {
            return ed.getPublicKey();
        }
        if (privateKey instanceof ECPrivateKey ec) {
            ECParameterSpec spec = ec.getParameters();
            ECPoint q = spec.getG().multiply(ec.getD()).normalize();
            try {
                return KeyFactory.getInstance("EC", Bc.PROVIDER).generatePublic(new ECPublicKeySpec(q, spec));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot derive the EC public key", e);
            }
        }
        return null;
    }

    static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the certificates in " + file, e);
        }
    }
}

package org.certhub.signer.w3c;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.certhub.signer.keys.Bc;

/**
 * Ed25519 with BouncyCastle's low-level API (several times faster here than the JDK's), and conversions
 * between JCA keys and raw 32-byte public keys (JWK {@code x}, multibase).
 */
public final class Ed25519Keys {

    private Ed25519Keys() {}

    public static boolean isEd25519(PublicKey key) {
        return "Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm());
    }

    /** The raw 32-byte public key. */
    public static byte[] raw(PublicKey key) {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getAlgorithm().getAlgorithm())) {
            throw new IllegalArgumentException("not an Ed25519 key: " + key.getAlgorithm());
        }
        return info.getPublicKeyData().getBytes();
    }

    /** A JCA public key from the raw 32 bytes. */
    public static PublicKey publicKey(byte[] raw) {
        if (raw.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        try {
            byte[] encoded = new SubjectPublicKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), raw)
                    .getEncoded();
            return KeyFactory.getInstance("Ed25519", Bc.PROVIDER).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The BouncyCastle parameters of a software private key (a key without an encoding lives in an HSM). */
    static Ed25519PrivateKeyParameters privateParameters(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("the Ed25519 private key is not extractable");
        }
        try {
            if (PrivateKeyFactory.createKey(encoded) instanceof Ed25519PrivateKeyParameters parameters) {
                return parameters;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
        throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm());
    }

    static byte[] sign(Ed25519PrivateKeyParameters key, byte[] data) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(data, 0, data.length);
        return signer.generateSignature();
    }

    /** The BouncyCastle parameters of a public key: the decoded point, immutable, so one serves every thread. */
    static Ed25519PublicKeyParameters publicParameters(PublicKey key) {
        return new Ed25519PublicKeyParameters(raw(key), 0);
    }

    static boolean verify(Ed25519PublicKeyParameters key, byte[] data, byte[] signature) {
        if (signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(data, 0, data.length);
        return verifier.verifySignature(signature);
    }
}

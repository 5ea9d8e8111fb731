package org.certhub.signer.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The key id rules, one per purpose; every signature carries the id so that verifiers find the key.
 * <ul>
 *   <li>{@link KeyPurpose#W3C_VC}: base64url (no padding) of the first 16 bytes of the SHA-256 of the
 *       public key's DER SubjectPublicKeyInfo: stable for the key, whatever store it sits in.</li>
 *   <li>{@link KeyPurpose#SHC}: the RFC 7638 JWK thumbprint (SHA-256, base64url), as SMART Health Cards require.</li>
 *   <li>{@link KeyPurpose#EU_DCC}: base64 of the first 8 bytes of the SHA-256 of the document signer
 *       certificate's DER encoding, as the HCERT specification requires.</li>
 * </ul>
 */
public final class KeyIds {

    private static final int W3C_KID_BYTES = 16;
    private static final int EU_DCC_KID_BYTES = 8;

    private KeyIds() {}

    /** The key id of a key of this purpose; EU DCC keys need their certificate (first in the chain). */
    public static String of(KeyPurpose purpose, PublicKey publicKey, List<X509Certificate> chain) {
        return switch (purpose) {
            case W3C_VC -> w3cVc(publicKey);
            case SHC -> shc(publicKey);
            case EU_DCC -> {
                if (chain.isEmpty()) {
                    throw new IllegalArgumentException("an EU DCC signing key needs its document signer certificate");
                }
                yield euDcc(chain.get(0));
            }
        };
    }

    public static String w3cVc(PublicKey publicKey) {
        byte[] digest = sha256(publicKey.getEncoded());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, W3C_KID_BYTES));
    }

    public static String shc(PublicKey publicKey) {
        if (!(publicKey instanceof ECPublicKey ec)) {
            throw new IllegalArgumentException(
                    "a SMART Health Card key must be an EC P-256 key, not " + publicKey.getAlgorithm());
        }
        try {
            return new ECKey.Builder(Curve.P_256, ec)
                    .build()
                    .computeThumbprint()
                    .toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the JWK thumbprint", e);
        }
    }

    public static String euDcc(X509Certificate certificate) {
        try {
            byte[] digest = sha256(certificate.getEncoded());
            return Base64.getEncoder().encodeToString(Arrays.copyOf(digest, EU_DCC_KID_BYTES));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode the certificate", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JRE", e);
        }
    }
}

package org.certhub.signer.hcert;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The COSE signature algorithms HCERT allows (IANA COSE algorithm ids). */
public enum CoseAlgorithm {
    /** ECDSA P-256 with SHA-256; the COSE signature is r||s, 64 bytes (not DER). */
    ES256(-7),
    /** RSASSA-PSS with SHA-256, MGF1 SHA-256 and a 32-byte salt. */
    PS256(-37);

    private static final int ES256_SIGNATURE_LENGTH = 64;
    /** Software P-256 keys sign and verify with BouncyCastle: about twice as fast as the JDK's SunEC. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private static final PSSParameterSpec PSS_SHA256 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC);

    private final int coseId;

    CoseAlgorithm(int coseId) {
        this.coseId = coseId;
    }

    public int coseId() {
        return coseId;
    }

    public static Optional<CoseAlgorithm> ofCoseId(long id) {
        return Arrays.stream(values()).filter(a -> a.coseId == id).findFirst();
    }

    /** Whether a key of this type can make or check this algorithm's signatures. */
    public boolean fits(Key key) {
        return this == ES256
                ? key instanceof ECKey || "EC".equals(key.getAlgorithm())
                : key instanceof RSAKey || "RSA".equals(key.getAlgorithm());
    }

    /** Signs with the key's own provider when given (an HSM key), else in software. */
    public byte[] sign(PrivateKey key, Provider provider, byte[] toBeSigned) throws GeneralSecurityException {
        Signature signature = instance(provider);
        signature.initSign(key);
        signature.update(toBeSigned);
        byte[] produced = signature.sign();
        if (this != ES256) {
            return produced;
        }
        try {
            return ECDSA.transcodeSignatureToConcat(produced, ES256_SIGNATURE_LENGTH);
        } catch (JOSEException e) {
            throw new GeneralSecurityException("unexpected ECDSA signature encoding", e);
        }
    }

    /** True only for a well-formed signature that checks out; false for any other signature bytes. */
    public boolean verify(PublicKey key, byte[] toBeSigned, byte[] coseSignature) throws GeneralSecurityException {
        byte[] jcaSignature = coseSignature;
        if (this == ES256) {
            if (coseSignature.length != ES256_SIGNATURE_LENGTH) {
                return false;
            }
            try {
                jcaSignature = ECDSA.transcodeSignatureToDER(coseSignature);
            } catch (JOSEException e) {
                return false;
            }
        }
        Signature signature = instance(null);
        signature.initVerify(key);
        signature.update(toBeSigned);
        try {
            return signature.verify(jcaSignature);
        } catch (SignatureException e) {
            return false;
        }
    }

    private Signature instance(Provider provider) throws GeneralSecurityException {
        String name = this == ES256 ? "SHA256withECDSA" : "RSASSA-PSS";
        Provider chosen = provider != null ? provider : this == ES256 ? BOUNCY_CASTLE : null;
        Signature signature = chosen == null ? Signature.getInstance(name) : Signature.getInstance(name, chosen);
        if (this == PS256) {
            try {
                signature.setParameter(PSS_SHA256);
            } catch (InvalidAlgorithmParameterException e) {
                throw new GeneralSecurityException("provider lacks RSASSA-PSS with SHA-256", e);
            }
        }
        return signature;
    }
}

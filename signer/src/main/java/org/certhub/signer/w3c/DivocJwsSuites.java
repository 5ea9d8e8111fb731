package org.certhub.signer.w3c;

import com.apicatalog.jsonld.JsonLdError;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import org.certhub.signer.keys.SigningKey;

/**
 * The Linked Data signature suites DIVOC signs with (jsonld-signatures 5/6): {@code RsaSignature2018} (PS256) and
 * {@code Ed25519Signature2018} (EdDSA). The signed data is SHA-256 of the canonical proof options (the proof
 * without {@code jws}, under the {@code https://w3id.org/security/v2} context) followed by SHA-256 of the
 * canonical credential without its proof; the proof's {@code jws} is a detached JWS with an unencoded payload
 * (RFC 7797): header {@code {"alg":"PS256"|"EdDSA","b64":false,"crit":["b64"]}}, and the signature covers
 * {@code ASCII(base64url(header) + ".") || data}.
 */
final class DivocJwsSuites {

    static final String RSA = "RsaSignature2018";
    static final String ED25519 = "Ed25519Signature2018";
    /** RSASSA-PSS as node-forge signs it for jsonld-signatures: SHA-256, MGF1 with SHA-256, 32-byte salt. */
    private static final PSSParameterSpec PS256 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final RdfCanonicalizer canonicalizer;

    DivocJwsSuites(RdfCanonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
    }

    static boolean handles(String proofType) {
        return RSA.equals(proofType) || ED25519.equals(proofType);
    }

    /** The bytes the JWS payload stands for: {@code proofOptions} must not hold {@code jws}. */
    byte[] verifyData(JsonObject credentialWithoutProof, JsonObject proofOptions) throws JsonLdError {
        JsonObject options = JsonP.PROVIDER
                .createObjectBuilder(proofOptions)
                .add("@context", JsonLdContexts.SECURITY_V2)
                .build();
        byte[] proofHash = canonicalizer.hash(options);
        byte[] documentHash = canonicalizer.hash(credentialWithoutProof);
        byte[] data = new byte[proofHash.length + documentHash.length];
        System.arraycopy(proofHash, 0, data, 0, proofHash.length);
        System.arraycopy(documentHash, 0, data, proofHash.length, documentHash.length);
        return data;
    }

    /** The detached RsaSignature2018 JWS over {@code data}: PS256 with {@code key}, in its own provider when it has one. */
    static String rsaJws(SigningKey key, byte[] data) {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        "{\"alg\":\"PS256\",\"b64\":false,\"crit\":[\"b64\"]}".getBytes(StandardCharsets.US_ASCII));
        try {
            Signature pss = key.provider() == null
                    ? Signature.getInstance("RSASSA-PSS")
                    : Signature.getInstance("RSASSA-PSS", key.provider());
            pss.setParameter(PS256);
            pss.initSign(key.privateKey());
            pss.update((header + ".").getBytes(StandardCharsets.US_ASCII));
            pss.update(data);
            return header + ".." + Base64.getUrlEncoder().withoutPadding().encodeToString(pss.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the key " + key.kid(), e);
        }
    }

    /** Whether {@code jws} is a well-formed detached JWS of the suite {@code proofType} over {@code data} by {@code key}. */
    static boolean verifies(String proofType, String jws, byte[] data, PublicKey key) {
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty() || !headerFits(proofType, parts[0])) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] prefix = (parts[0] + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + data.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(data, 0, signed, prefix.length, data.length);
        if (ED25519.equals(proofType)) {
            return Ed25519Keys.isEd25519(key)
                    && Ed25519Keys.verify(Ed25519Keys.publicParameters(key), signed, signature);
        }
        if (!(key instanceof RSAPublicKey)) {
            return false;
        }
        try {
            Signature pss = Signature.getInstance("RSASSA-PSS");
            pss.setParameter(PS256);
            pss.initVerify(key);
            pss.update(signed);
            return pss.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The protected header: exactly the suite's algorithm, {@code b64: false} and {@code crit: ["b64"]}. */
    private static boolean headerFits(String proofType, String encodedHeader) {
        JsonObject header;
        try (JsonReader reader = JsonP.PROVIDER.createReader(
                new StringReader(new String(Base64.getUrlDecoder().decode(encodedHeader), StandardCharsets.UTF_8)))) {
            header = reader.readObject();
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            return false;
        }
        String alg = RSA.equals(proofType) ? "PS256" : "EdDSA";
        return header.size() == 3
                && header.get("alg") instanceof JsonString a
                && a.getString().equals(alg)
                && header.get("b64") == JsonValue.FALSE
                && header.get("crit") instanceof JsonArray crit
                && crit.size() == 1
                && crit.get(0) instanceof JsonString b64
                && b64.getString().equals("b64");
    }
}

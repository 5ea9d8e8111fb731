package org.certhub.signer.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;
import org.certhub.signer.w3c.Ed25519Keys;
import org.certhub.signer.w3c.JsonLdContexts;
import org.certhub.signer.w3c.Multibase;

/**
 * The public documents anyone needs to verify this hub's credentials offline: the JWK set
 * ({@code /.well-known/jwks.json}) and the did:web DID document ({@code /.well-known/did.json}). Pure
 * functions of the keys: they publish active and retired keys alike, never private material.
 */
public final class PublicKeyDocuments {

    public static final String DID_V1_CONTEXT = "https://www.w3.org/ns/did/v1";
    public static final String JWS_2020_CONTEXT = "https://w3id.org/security/suites/jws-2020/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PublicKeyDocuments() {
    }

    /** The JWK set of every key of every purpose the provider holds. */
    public static String jwks(SigningKeyProvider provider) {
        List<SigningKey> all = new ArrayList<>();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            all.addAll(provider.keys(purpose));
        }
        return jwks(all);
    }

    /**
     * {@code {"keys":[...]}}: Ed25519 keys as OKP/Ed25519 (alg EdDSA), P-256 keys as EC (alg ES256), RSA keys
     * as RSA (alg PS256), each with {@code use=sig} and its {@code kid}; EU DCC document signers carry their
     * certificate chain in {@code x5c}.
     */
    public static String jwks(List<SigningKey> keys) {
        List<Map<String, Object>> jwks = new ArrayList<>(keys.size());
        for (SigningKey key : keys) {
            jwks.add(jwk(key).toJSONObject());
        }
        return write(Map.of("keys", jwks));
    }

    /**
     * A did:web DID document for {@code did} listing the W3C VC keys as verification and assertion methods:
     * Ed25519 keys as Ed25519VerificationKey2020 ({@code publicKeyMultibase}), other keys as JsonWebKey2020.
     */
    public static String didDocument(String did, List<SigningKey> w3cVcKeys) {
        List<Map<String, Object>> methods = new ArrayList<>();
        List<String> assertion = new ArrayList<>();
        boolean jsonWebKeys = false;
        for (SigningKey key : w3cVcKeys) {
            String id = did + "#" + key.kid();
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("id", id);
            if (Ed25519Keys.isEd25519(key.publicKey())) {
                method.put("type", "Ed25519VerificationKey2020");
                method.put("controller", did);
                method.put("publicKeyMultibase", Multibase.ed25519PublicKey(Ed25519Keys.raw(key.publicKey())));
            } else {
                jsonWebKeys = true;
                method.put("type", "JsonWebKey2020");
                method.put("controller", did);
                method.put("publicKeyJwk", jwk(key).toPublicJWK().toJSONObject());
            }
            methods.add(method);
            assertion.add(id);
        }
        List<String> context = new ArrayList<>(List.of(DID_V1_CONTEXT, JsonLdContexts.ED25519_2020_V1));
        if (jsonWebKeys) {
            context.add(JWS_2020_CONTEXT);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", context);
        document.put("id", did);
        document.put("verificationMethod", methods);
        document.put("assertionMethod", assertion);
        return write(document);
    }

    private static JWK jwk(SigningKey key) {
        List<Base64> x5c = key.purpose() == KeyPurpose.EU_DCC ? x5c(key.certificateChain()) : null;
        if (Ed25519Keys.isEd25519(key.publicKey())) {
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Ed25519Keys.raw(key.publicKey())))
                    .keyID(key.kid()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.EdDSA).x509CertChain(x5c).build();
        }
        if (key.publicKey() instanceof ECPublicKey ec) {
            return new ECKey.Builder(Curve.P_256, ec)
                    .keyID(key.kid()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).x509CertChain(x5c).build();
        }
        if (key.publicKey() instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa)
                    .keyID(key.kid()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.PS256).x509CertChain(x5c).build();
        }
        throw new IllegalArgumentException("cannot publish a " + key.publicKey().getAlgorithm() + " key");
    }

    private static List<Base64> x5c(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return null;
        }
        List<Base64> encoded = new ArrayList<>(chain.size());
        for (X509Certificate certificate : chain) {
            try {
                encoded.add(Base64.encode(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("cannot encode a certificate of the chain", e);
            }
        }
        return encoded;
    }

    private static String write(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the key document", e);
        }
    }
}

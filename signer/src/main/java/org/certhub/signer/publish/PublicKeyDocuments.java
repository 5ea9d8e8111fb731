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
import com.nimbusds.jose.util.Base64URL;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.shc.ShcFormat;
import org.certhub.signer.w3c.Ed25519Keys;
import org.certhub.signer.w3c.JsonLdContexts;
import org.certhub.signer.w3c.Multibase;

/**
 * The public documents anyone needs to verify this hub's credentials offline: the SMART Health Card JWK set
 * ({@code /.well-known/jwks.json}) and the did:web DID document ({@code /.well-known/did.json}). Pure
 * functions of the keys: they publish active and retired keys alike, never private material.
 */
public final class PublicKeyDocuments {

    public static final String DID_V1_CONTEXT = "https://www.w3.org/ns/did/v1";
    /** The member that marks a development key in {@code jwks.json} and {@code did.json}. */
    public static final String DEVELOPMENT_MARKER = "certhub:development";

    public static final String JWS_2020_CONTEXT = "https://w3id.org/security/suites/jws-2020/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PublicKeyDocuments() {}

    /**
     * The SMART Health Card issuer's JWK set ({@code /.well-known/jwks.json}): the SHC keys only, each an EC P-256
     * key with {@code kid} = its RFC 7638 thumbprint, {@code use=sig}, {@code alg=ES256} and {@code crlVersion},
     * the counter of its card revocation list (the spec's revocation section). EU DCC signers are published as
     * {@code dsc.json}, W3C VC keys in {@code did.json}.
     *
     * @param crlVersion the {@code ctr} of the revocation list of a kid
     */
    public static String shcJwks(List<SigningKey> shcKeys, ToLongFunction<String> crlVersion) {
        List<Map<String, Object>> jwks = new ArrayList<>(shcKeys.size());
        for (SigningKey key : shcKeys) {
            if (!(key.publicKey() instanceof ECPublicKey ec)) {
                throw new IllegalArgumentException("SMART Health Card keys must be EC P-256, not "
                        + key.publicKey().getAlgorithm());
            }
            String kid = ShcFormat.thumbprintOf(ec);
            Map<String, Object> jwk = new ECKey.Builder(Curve.P_256, ec)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .build()
                    .toJSONObject();
            jwk.put("crlVersion", crlVersion.applyAsLong(kid));
            markDevelopment(key, jwk);
            jwks.add(jwk);
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
            markDevelopment(key, method);
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

    /**
     * Marks a development key ({@link SigningKey#development()}) with {@value #DEVELOPMENT_MARKER}{@code : true}, so
     * that a verifier configuring this hub's keys sees that they are not for real certificates.
     */
    private static void markDevelopment(SigningKey key, Map<String, Object> published) {
        if (key.development()) {
            published.put(DEVELOPMENT_MARKER, true);
        }
    }

    private static JWK jwk(SigningKey key) {
        if (Ed25519Keys.isEd25519(key.publicKey())) {
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Ed25519Keys.raw(key.publicKey())))
                    .keyID(key.kid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.EdDSA)
                    .build();
        }
        if (key.publicKey() instanceof ECPublicKey ec) {
            return new ECKey.Builder(Curve.P_256, ec)
                    .keyID(key.kid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .build();
        }
        if (key.publicKey() instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa)
                    .keyID(key.kid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.PS256)
                    .build();
        }
        throw new IllegalArgumentException("cannot publish a " + key.publicKey().getAlgorithm() + " key");
    }

    private static String write(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the key document", e);
        }
    }
}

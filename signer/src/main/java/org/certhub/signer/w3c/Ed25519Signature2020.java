package org.certhub.signer.w3c;

import com.apicatalog.jsonld.JsonLdError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The Ed25519Signature2020 Data Integrity suite: the signed bytes are SHA-256 of the canonical proof
 * configuration (the proof without {@code proofValue}, under the credential's {@code @context}) followed by
 * SHA-256 of the canonical credential without its proof; the signature is Ed25519, written as multibase.
 */
final class Ed25519Signature2020 {

    static final String TYPE = "Ed25519Signature2020";
    static final String PROOF_PURPOSE = "assertionMethod";

    private final RdfCanonicalizer canonicalizer;

    Ed25519Signature2020(RdfCanonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
    }

    /** The bytes to sign or verify: {@code proofOptions} must not hold {@code proofValue}. */
    byte[] signingInput(JsonObject credentialWithoutProof, JsonObject proofOptions) throws JsonLdError {
        JsonObjectBuilder config = Json.createObjectBuilder().add("@context", credentialWithoutProof.get("@context"));
        proofOptions.forEach(config::add);
        byte[] proofHash = canonicalizer.hash(config.build());
        byte[] documentHash = canonicalizer.hash(credentialWithoutProof);
        byte[] input = new byte[proofHash.length + documentHash.length];
        System.arraycopy(proofHash, 0, input, 0, proofHash.length);
        System.arraycopy(documentHash, 0, input, proofHash.length, documentHash.length);
        return input;
    }
}

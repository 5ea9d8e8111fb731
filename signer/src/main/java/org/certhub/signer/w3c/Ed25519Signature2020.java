package org.certhub.signer.w3c;

import com.apicatalog.jsonld.JsonLdError;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Ed25519Signature2020 Data Integrity suite: the signed bytes are SHA-256 of the canonical proof
 * configuration (the proof without {@code proofValue}, under the credential's {@code @context}) followed by
 * SHA-256 of the canonical credential without its proof; the signature is Ed25519, written as multibase.
 */
final class Ed25519Signature2020 {

    static final String TYPE = "Ed25519Signature2020";
    static final String PROOF_PURPOSE = "assertionMethod";

    private final RdfCanonicalizer canonicalizer;
    /**
     * The last proof configuration and its hash. Certificates signed in the same second with the same key share
     * their proof configuration (type, created, verificationMethod, purpose), so in a burst this halves the
     * canonicalization work; a pure memo, so a miss only costs the computation.
     */
    private final AtomicReference<ProofHash> lastProofHash = new AtomicReference<>();

    Ed25519Signature2020(RdfCanonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
    }

    private record ProofHash(JsonObject config, byte[] hash) {}

    /** The bytes to sign or verify: {@code proofOptions} must not hold {@code proofValue}. */
    byte[] signingInput(JsonObject credentialWithoutProof, JsonObject proofOptions) throws JsonLdError {
        JsonObjectBuilder config =
                JsonP.PROVIDER.createObjectBuilder().add("@context", credentialWithoutProof.get("@context"));
        proofOptions.forEach(config::add);
        byte[] proofHash = proofHash(config.build());
        byte[] documentHash = canonicalizer.hash(credentialWithoutProof);
        byte[] input = new byte[proofHash.length + documentHash.length];
        System.arraycopy(proofHash, 0, input, 0, proofHash.length);
        System.arraycopy(documentHash, 0, input, proofHash.length, documentHash.length);
        return input;
    }

    private byte[] proofHash(JsonObject config) throws JsonLdError {
        ProofHash last = lastProofHash.get();
        if (last != null && last.config().equals(config)) {
            return last.hash();
        }
        byte[] hash = canonicalizer.hash(config);
        lastProofHash.set(new ProofHash(config, hash));
        return hash;
    }
}

package org.certhub.signer.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.certhub.signer.w3c.JsonLdContexts;

/**
 * A JSON-LD context document as the hub publishes it, with its SHA-256: a verifier that pins the context (as the
 * JSON-LD reference stack recommends for contexts it bundles) compares the digest with the one the docs publish.
 */
public record ContextDocument(byte[] content) {

    public static final String MEDIA_TYPE = "application/ld+json";

    /** The vaccination context the hub's W3C credentials name. */
    public static ContextDocument vaccination() {
        return new ContextDocument(JsonLdContexts.vaccinationContext());
    }

    public String body() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256());
    }

    /** The RFC 9530 {@code Content-Digest} header value: {@code sha-256=:<base64>:}. */
    public String contentDigest() {
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256()) + ":";
    }

    private byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JRE", e);
        }
    }
}

package org.certhub.signer.w3c;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.cache.Cache;
import com.apicatalog.jsonld.deseralization.JsonLdToRdf;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JSON-LD → RDF → RDFC-1.0 (URDNA2015) canonical N-Quads → SHA-256, with the bundled contexts only.
 * The processed contexts are cached across calls (thread-safe caches; only bundled URLs can ever enter them).
 */
final class RdfCanonicalizer {

    /**
     * Titanium logs skipped statements with the offending IRI, which can carry a holder's identifier:
     * only errors are let through. The field keeps the JUL logger (weakly held by JUL) and its level alive.
     */
    private static final Logger TO_RDF_LOG = quiet(Logger.getLogger(JsonLdToRdf.class.getName()));

    private final JsonLdContexts contexts;
    private final Cache<String, JsonValue> contextCache = new ConcurrentCache<>();
    private final Cache<String, Document> documentCache = new ConcurrentCache<>();

    RdfCanonicalizer(JsonLdContexts contexts) {
        this.contexts = contexts;
    }

    /** The canonical N-Quads of the document. */
    String canonical(JsonObject document) throws JsonLdError {
        JsonLdOptions options = new JsonLdOptions(contexts);
        options.setContextCache(contextCache);
        options.setDocumentCache(documentCache);
        RdfCanon canon = RdfCanon.create("SHA-256");
        JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(canon);
        StringWriter out = new StringWriter(2048);
        try {
            canon.provide(new NQuadsWriter(out));
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("cannot write N-Quads", e);
        }
        return out.toString();
    }

    /** SHA-256 of the canonical N-Quads. */
    byte[] hash(JsonObject document) throws JsonLdError {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical(document).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JRE", e);
        }
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static final class ConcurrentCache<V> implements Cache<String, V> {
        private final ConcurrentHashMap<String, V> map = new ConcurrentHashMap<>();

        @Override
        public boolean containsKey(String key) {
            return map.containsKey(key);
        }

        @Override
        public V get(String key) {
            return map.get(key);
        }

        @Override
        public void put(String key, V value) {
            map.put(key, value);
        }
    }
}

package org.certhub.signer.w3c;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.cache.Cache;
import com.apicatalog.jsonld.deseralization.JsonLdToRdf;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.expansion.UriExpansion;
import com.apicatalog.jsonld.json.JsonUtils;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JSON-LD → RDF → RDFC-1.0 (URDNA2015) canonical N-Quads → SHA-256, with the bundled contexts only. A term
 * that no context defines fails the processing (a {@link JsonLdError}) rather than being dropped unsigned.
 *
 * <p>Processing the bundled contexts into term definitions was most of the cost of a signature, so the active
 * context of a top-level {@code @context} made only of bundled URLs is built once and kept: the document is then
 * expanded from that context, without its {@code @context} entry, which is what JSON-LD expansion does with the
 * entry at the top level (the processed context replaces the initial one). Active contexts are never modified
 * after they are built (processing copies them), so one is shared by all threads. Any other {@code @context}
 * takes titanium's whole path.
 *
 * <p>Expansion itself is then most of the cost: a document whose shape (keys, types, contexts) was seen before
 * has its statements made from that shape's {@link QuadTemplates template}, its string values put in; only
 * canonicalisation, whose labels and order depend on the values, runs on them in full. Any other shape is
 * expanded as above.
 *
 * <p>A canonicalizer {@linkplain #forVerification for verification} handles documents from anyone: a term no
 * context defines fails expansion (it would be left out of what the signature covers), and canonicalisation, whose
 * cost grows steeply with blank nodes that look alike, stops after a time limit.
 */
final class RdfCanonicalizer {

    /**
     * Titanium logs skipped statements with the offending IRI, which can carry a holder's identifier:
     * only errors are let through. The fields keep the JUL loggers (weakly held by JUL) and their levels alive.
     */
    private static final Logger TO_RDF_LOG = quiet(Logger.getLogger(JsonLdToRdf.class.getName()));
    /** Titanium warns of keyword-like values with the value itself: a holder's data from a verified document. */
    private static final Logger URI_EXPANSION_LOG = quiet(Logger.getLogger(UriExpansion.class.getName()));
    /** Distinct bundled URL lists whose active context is kept; a verifier sees only the few real ones. */
    private static final int MAX_ACTIVE_CONTEXTS = 16;

    private final JsonLdContexts contexts;
    /** Never changed after construction: read by every thread. */
    private final JsonLdOptions options;

    private final Map<JsonValue, ActiveContext> activeContexts = new ConcurrentHashMap<>();
    /** The longest one canonicalisation may take, or null for no limit. */
    private final Duration limit;

    private final QuadTemplates templates;

    /** For signing this hub's own documents: no limit applies. */
    RdfCanonicalizer(JsonLdContexts contexts) {
        this(contexts, null);
    }

    private RdfCanonicalizer(JsonLdContexts contexts, Duration limit) {
        this.contexts = contexts;
        this.limit = limit;
        this.options = new JsonLdOptions(contexts);
        // safe mode, as the JSON-LD reference verifiers: a term no context defines would be dropped from the
        // signed graph, so it fails the processing instead
        this.options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        this.options.setContextCache(new ConcurrentCache<>());
        this.options.setDocumentCache(new ConcurrentCache<>());
        this.templates = new QuadTemplates(
                this::toRdf, contexts.definedNames(), contexts.typeAliases(), options.getUriValidation());
    }

    /**
     * For documents from anyone: an undefined term fails with {@link JsonLdErrorCode#UNDEFINED_TERM}, and a
     * canonicalisation that takes longer than {@code limit} with {@link JsonLdErrorCode#PROCESSING_TIMEOUT_EXCEEDED}.
     */
    static RdfCanonicalizer forVerification(JsonLdContexts contexts, Duration limit) {
        return new RdfCanonicalizer(contexts, limit);
    }

    /** The canonical N-Quads of the document. */
    String canonical(JsonObject document) throws JsonLdError {
        try {
            return canonicalWithin(
                    document, limit == null ? RdfCanonTicker.EMPTY : new RdfCanonTimeTicker(limit.toMillis()));
        } catch (IllegalStateException e) {
            if (limit == null) {
                throw e;
            }
            // the time ticker's only way to stop the algorithm
            throw new JsonLdError(
                    JsonLdErrorCode.PROCESSING_TIMEOUT_EXCEEDED, "canonicalisation took longer than " + limit);
        }
    }

    private String canonicalWithin(JsonObject document, RdfCanonTicker ticker) throws JsonLdError {
        RdfCanon canon = RdfCanon.create("SHA-256", ticker);
        try {
            if (!templates.emit(document, canon)) {
                toRdf(document, canon);
            }
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("cannot canonicalize the statements", e);
        }
        StringWriter out = new StringWriter(2048);
        try {
            canon.provide(new NQuadsWriter(out));
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("cannot write N-Quads", e);
        }
        return out.toString();
    }

    /** The document's RDF statements by JSON-LD expansion, from the kept active context where there is one. */
    private void toRdf(JsonObject document, RdfQuadConsumer consumer) throws JsonLdError {
        ActiveContext context = activeContext(document.get(Keywords.CONTEXT));
        if (context == null) {
            JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(consumer);
        } else {
            JsonValue expanded = Expansion.with(context, JsonP.without(document, Keywords.CONTEXT), null, null)
                    .frameExpansion(false)
                    .ordered(options.isOrdered())
                    .compute();
            ToRdfProcessor.toRdf(consumer, expandedArray(expanded), options);
        }
    }

    /** Whether the document's statements now come from its shape's template. */
    boolean templated(JsonObject document) {
        return templates.kept(document);
    }

    /** SHA-256 of the canonical N-Quads. */
    byte[] hash(JsonObject document) throws JsonLdError {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(canonical(document).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JRE", e);
        }
    }

    /**
     * The active context a top-level {@code @context} of distinct bundled URLs gives, processed from the initial
     * (empty) context as JSON-LD expansion does; null for any other {@code @context}.
     */
    private ActiveContext activeContext(JsonValue context) throws JsonLdError {
        if (!bundledUrls(context)) {
            return null;
        }
        ActiveContext cached = activeContexts.get(context);
        if (cached != null) {
            return cached;
        }
        ActiveContext processed = new ActiveContext(null, null, ProcessingRuntime.of(options))
                .newContext()
                .create(context, null);
        if (activeContexts.size() < MAX_ACTIVE_CONTEXTS) {
            activeContexts.putIfAbsent(context, processed);
        }
        return processed;
    }

    private boolean bundledUrls(JsonValue context) {
        if (context instanceof JsonString url) {
            return contexts.knows(url.getString());
        }
        if (!(context instanceof JsonArray array) || array.isEmpty()) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString url) || !contexts.knows(url.getString()) || !seen.add(url.getString())) {
                return false;
            }
        }
        return true;
    }

    /** Steps 8.1 to 8.3 of the expand() algorithm: the expanded document as an array. */
    private static JsonArray expandedArray(JsonValue expanded) {
        if (expanded instanceof JsonObject object && object.size() == 1 && object.containsKey(Keywords.GRAPH)) {
            expanded = object.get(Keywords.GRAPH);
        }
        return JsonUtils.isNull(expanded) ? JsonValue.EMPTY_JSON_ARRAY : JsonUtils.toJsonArray(expanded);
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

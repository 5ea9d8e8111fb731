package org.certhub.signer.w3c;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.uri.UriUtils;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The RDF statements of a JSON-LD document of a known shape, from a template made once per shape instead of
 * JSON-LD expansion of every document. A programme's credentials differ in their string values, not in their
 * shape: the same keys, the same types, the same contexts. The template is the statements titanium gives for the
 * shape with each string value replaced by a unique placeholder; a document's statements are the template's with
 * the placeholders replaced by its values. Canonicalisation (whose blank-node labels and statement order depend
 * on the values) is then done on those statements as before.
 *
 * <p>A string value is a <em>slot</em> only where JSON-LD copies it verbatim into one statement part:
 * <ul>
 *   <li>as a literal's lexical form, for any string (datatype and language come from the context, not the value);
 *   <li>as an IRI, only for a value that is an absolute IRI of plain characters that no bundled context could
 *       expand (neither the value nor its scheme is a term anywhere in them) and that titanium's IRI check accepts.
 * </ul>
 * Every other value is part of the shape's key: values under a key aliasing {@code @type} (they choose type-scoped
 * contexts), under other keywords, numbers, booleans, the {@code @context}, and any value whose placeholder did not
 * come out whole (a term expanding it, a relative IRI dropped). Every template is checked when it is made: each
 * placeholder must appear, only whole, and a non-IRI one only in literals; a shape that fails this has no template
 * and takes titanium's whole path, as does any shape beyond the cache's bound. Equal values that collapse into one
 * statement are given once, as the node map of the whole path merges them.
 */
final class QuadTemplates {

    /** How a document's statements are made the whole way: the same path a template is made by. */
    @FunctionalInterface
    interface Expansion {
        void toRdf(JsonObject document, RdfQuadConsumer consumer) throws JsonLdError;
    }

    /** Shapes (and templates) kept; a verifier sees few real ones, so the maps are cleared when full. */
    private static final int MAX_KEPT = 256;

    private static final Pattern PLAIN_IRI =
            Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\\-._~:/?#@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*");
    private static final char LITERAL_MARK = 'L';
    private static final char IRI_MARK = 'I';
    private static final int OBJECT = 2;
    private static final int DATATYPE = 3;
    private static final int PARTS = 7;

    private final Expansion expansion;
    private final Set<String> terms;
    private final Set<String> typeKeys;
    private final UriValidationPolicy uriValidation;
    /** Unique to this instance, so that no real value is mistaken for a placeholder. */
    private final String nonce = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);

    /** Per shape (strings marked, not valued): the slots that turned out not to be, or empty for no template. */
    private final Map<String, Optional<BitSet>> plans = new ConcurrentHashMap<>();

    private final Map<String, Optional<Template>> templates = new ConcurrentHashMap<>();

    /**
     * @param terms    every name any bundled context defines, at any depth (may be more)
     * @param typeKeys the keys that alias {@code @type}
     */
    QuadTemplates(Expansion expansion, Set<String> terms, Set<String> typeKeys, UriValidationPolicy uriValidation) {
        this.expansion = expansion;
        this.terms = Set.copyOf(terms);
        this.typeKeys = Set.copyOf(typeKeys);
        this.uriValidation = uriValidation;
    }

    /**
     * Gives the document's statements to {@code consumer} from its shape's template and answers true, or answers
     * false (having given nothing) when the shape has no template.
     *
     * @throws JsonLdError when making the template fails as the document's whole processing would
     */
    boolean emit(JsonObject document, RdfQuadConsumer consumer) throws JsonLdError, RdfConsumerException {
        Shape shape = shape(document);
        Optional<BitSet> plan = cached(plans, shape.skeleton(), () -> plan(document, shape));
        if (plan.isEmpty()) {
            return false;
        }
        BitSet fixed = plan.get();
        Optional<Template> template = cached(templates, key(shape, fixed), () -> template(document, shape, fixed));
        if (template.isEmpty()) {
            return false;
        }
        template.get().emit(shape.values(), consumer);
        return true;
    }

    /** Whether a template for the document's shape is kept (made by an earlier {@link #emit}). */
    boolean kept(JsonObject document) {
        Shape shape = shape(document);
        Optional<BitSet> plan = plans.get(shape.skeleton());
        if (plan == null || plan.isEmpty()) {
            return false;
        }
        Optional<Template> template = templates.get(key(shape, plan.get()));
        return template != null && template.isPresent();
    }

    /** The shape with the values of the strings that are no slots in it. */
    private static String key(Shape shape, BitSet fixed) {
        StringBuilder key = new StringBuilder(shape.skeleton()).append('\u0000');
        for (int i = fixed.nextSetBit(0); i >= 0; i = fixed.nextSetBit(i + 1)) {
            String value = shape.values().get(i);
            key.append(value.length()).append(':').append(value);
        }
        return key.toString();
    }

    @FunctionalInterface
    private interface Maker<T> {
        Optional<T> make() throws JsonLdError;
    }

    private static <T> Optional<T> cached(Map<String, Optional<T>> cache, String key, Maker<T> maker)
            throws JsonLdError {
        Optional<T> kept = cache.get(key);
        if (kept != null) {
            return kept;
        }
        Optional<T> made = maker.make();
        if (cache.size() >= MAX_KEPT) {
            cache.clear();
        }
        cache.put(key, made);
        return made;
    }

    /** Which of the shape's string values must be part of its key: those whose placeholder does not come out whole. */
    private Optional<BitSet> plan(JsonObject document, Shape shape) throws JsonLdError {
        BitSet none = new BitSet();
        List<String[]> quads = probe(document, shape, none);
        if (quads == null) {
            return Optional.empty();
        }
        BitSet fixed = new BitSet();
        for (int slot = 0; slot < shape.values().size(); slot++) {
            if (!shape.keyed().get(slot) && !comesOutWhole(quads, shape, slot)) {
                fixed.set(slot);
            }
        }
        return Optional.of(fixed);
    }

    private Optional<Template> template(JsonObject document, Shape shape, BitSet fixed) throws JsonLdError {
        List<String[]> quads = probe(document, shape, fixed);
        if (quads == null) {
            return Optional.empty();
        }
        Map<String, Integer> slots = new HashMap<>();
        for (int slot = 0; slot < shape.values().size(); slot++) {
            if (isSlot(shape, fixed, slot)) {
                if (!comesOutWhole(quads, shape, slot)) {
                    return Optional.empty();
                }
                slots.put(placeholder(shape, slot), slot);
            }
        }
        List<Object[]> parts = new ArrayList<>(quads.size());
        for (String[] quad : quads) {
            Object[] part = new Object[PARTS];
            for (int i = 0; i < PARTS; i++) {
                Integer slot = quad[i] == null ? null : slots.get(quad[i]);
                part[i] = slot == null ? quad[i] : slot;
            }
            parts.add(part);
        }
        return Optional.of(new Template(parts));
    }

    /**
     * The statements of the document with its slots (strings neither keyed nor {@code fixed}) replaced by
     * placeholders; null when that document cannot be processed (its own processing then tells why).
     */
    private List<String[]> probe(JsonObject document, Shape shape, BitSet fixed) throws JsonLdError {
        int[] next = {0};
        JsonObject probe = (JsonObject) replaced(document, shape, fixed, next);
        Recorded quads = new Recorded();
        try {
            expansion.toRdf(probe, quads);
        } catch (JsonLdError e) {
            return null;
        }
        return quads.quads;
    }

    private static final class Recorded implements RdfQuadConsumer {
        private final List<String[]> quads = new ArrayList<>();

        @Override
        public RdfQuadConsumer quad(
                String subject,
                String predicate,
                String object,
                String datatype,
                String language,
                String direction,
                String graph) {
            quads.add(new String[] {subject, predicate, object, datatype, language, direction, graph});
            return this;
        }
    }

    private JsonValue replaced(JsonValue value, Shape shape, BitSet fixed, int[] next) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder builder = JsonP.PROVIDER.createObjectBuilder();
            object.forEach((key, item) ->
                    builder.add(key, key.equals("@context") ? item : replaced(item, shape, fixed, next)));
            return builder.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder builder = JsonP.PROVIDER.createArrayBuilder();
            array.forEach(item -> builder.add(replaced(item, shape, fixed, next)));
            return builder.build();
        }
        if (value instanceof JsonString) {
            int slot = next[0]++;
            return isSlot(shape, fixed, slot) ? JsonP.PROVIDER.createValue(placeholder(shape, slot)) : value;
        }
        return value;
    }

    private static boolean isSlot(Shape shape, BitSet fixed, int slot) {
        return !shape.keyed().get(slot) && !fixed.get(slot);
    }

    /** A placeholder of the slot's kind: an absolute IRI for an IRI-like value, a plain string for any other. */
    private String placeholder(Shape shape, int slot) {
        return shape.iris().get(slot)
                ? "urn:x-certhub-slot:" + nonce + ":" + slot
                : "certhub-slot-" + nonce + "-" + slot;
    }

    /**
     * Whether the slot's placeholder is in the statements, only as a whole part, and, for a value that is not an
     * IRI, only as a literal.
     */
    private boolean comesOutWhole(List<String[]> quads, Shape shape, int slot) {
        String placeholder = placeholder(shape, slot);
        boolean found = false;
        for (String[] quad : quads) {
            for (int i = 0; i < PARTS; i++) {
                if (quad[i] == null || !quad[i].contains(placeholder)) {
                    continue;
                }
                boolean literal = i == OBJECT && quad[DATATYPE] != null;
                if (!quad[i].equals(placeholder) || (!literal && !shape.iris().get(slot))) {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }

    /** The document's skeleton: its structure with each string marked as an IRI-like or other value. */
    private Shape shape(JsonObject document) {
        Shape shape = new Shape(new StringBuilder(512), new ArrayList<>(), new BitSet(), new BitSet());
        walk(document, null, shape);
        return shape;
    }

    private void walk(JsonValue value, String key, Shape shape) {
        StringBuilder out = shape.out();
        switch (value.getValueType()) {
            case OBJECT -> {
                out.append('{');
                for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
                    out.append(JsonP.PROVIDER.createValue(entry.getKey())).append(':');
                    if (entry.getKey().equals("@context")) {
                        out.append(entry.getValue());
                    } else {
                        walk(entry.getValue(), entry.getKey(), shape);
                    }
                    out.append(',');
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (JsonValue item : value.asJsonArray()) {
                    walk(item, key, shape);
                    out.append(',');
                }
                out.append(']');
            }
            case STRING -> {
                String string = ((JsonString) value).getString();
                int slot = shape.values().size();
                shape.values().add(string);
                if (keyed(key)) {
                    shape.keyed().set(slot);
                    out.append(value);
                } else if (isPlainIri(string)) {
                    shape.iris().set(slot);
                    out.append(IRI_MARK);
                } else {
                    out.append(LITERAL_MARK);
                }
            }
            default -> out.append(value);
        }
    }

    /** Values that choose types (and so type-scoped contexts) or sit under other keywords are part of the shape. */
    private boolean keyed(String key) {
        return key == null
                || typeKeys.contains(key)
                || (key.startsWith("@") && !key.equals("@id") && !key.equals("@value"));
    }

    /** An absolute IRI that JSON-LD IRI expansion returns as it is and that titanium keeps in the statements. */
    private boolean isPlainIri(String value) {
        if (!PLAIN_IRI.matcher(value).matches() || terms.contains(value)) {
            return false;
        }
        int colon = value.indexOf(':');
        return (!terms.contains(value.substring(0, colon)) || value.startsWith("//", colon + 1))
                && UriUtils.isAbsoluteUri(value, uriValidation);
    }

    private record Shape(StringBuilder out, List<String> values, BitSet keyed, BitSet iris) {
        String skeleton() {
            return out.toString();
        }
    }

    /**
     * Statements whose parts are text, or the index of the string value that fills them. Equal values can make
     * equal statements, which the node map of the whole path merges: they are given once, as there.
     */
    private record Template(List<Object[]> quads) {
        void emit(List<String> values, RdfQuadConsumer consumer) throws RdfConsumerException {
            Set<List<String>> given = new HashSet<>();
            for (Object[] quad : quads) {
                String[] parts = new String[PARTS];
                for (int i = 0; i < PARTS; i++) {
                    parts[i] = quad[i] instanceof Integer slot ? values.get(slot) : (String) quad[i];
                }
                if (given.add(Arrays.asList(parts))) {
                    consumer.quad(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
                }
            }
        }
    }
}

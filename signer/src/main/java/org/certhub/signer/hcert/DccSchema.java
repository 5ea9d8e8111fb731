package org.certhub.signer.hcert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Validates DCC JSON against the EU DCC JSON schema (ehn-dcc-schema, JSON Schema 2020-12), read from a folder
 * holding {@code DCC.schema.json} and the files it references by {@code $id}. It implements the validation
 * keywords that schema family uses; loading a schema with any other keyword fails rather than silently
 * ignoring it. {@code format} is an annotation, as 2020-12 specifies by default. Error messages name the
 * failing location and keyword, never the value.
 */
public final class DccSchema {

    private static final String ROOT_FILE = "DCC.schema.json";
    private static final Set<String> VALIDATION_KEYWORDS = Set.of(
            "$ref",
            "type",
            "enum",
            "const",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "minItems",
            "maxItems",
            "pattern",
            "minLength",
            "maxLength",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "oneOf",
            "anyOf",
            "allOf",
            "not");
    private static final Set<String> ANNOTATION_KEYWORDS = Set.of(
            "$schema",
            "$id",
            "$comment",
            "$defs",
            "title",
            "description",
            "examples",
            "default",
            "format",
            "valueset-uri",
            "deprecated",
            "readOnly",
            "writeOnly");

    private final Map<String, JsonNode> documents;
    private final JsonNode root;
    private final String rootId;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    private DccSchema(Map<String, JsonNode> documents, String rootId) {
        this.documents = documents;
        this.rootId = rootId;
        this.root = documents.get(rootId);
    }

    /** Loads every {@code *.json} schema in the folder; the root is {@code DCC.schema.json}. */
    public static DccSchema load(Path folder) {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> documents = new HashMap<>();
        String rootId = null;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                JsonNode schema = mapper.readTree(file.toFile());
                if (!schema.isObject() || !schema.path("$id").isTextual()) {
                    continue; // not a schema document (e.g. a value-set list)
                }
                checkKeywords(schema, file.getFileName().toString());
                String id = stripFragment(schema.get("$id").textValue());
                documents.put(id, schema);
                if (file.getFileName().toString().equals(ROOT_FILE)) {
                    rootId = id;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DCC schema in " + folder, e);
        }
        if (rootId == null) {
            throw new IllegalArgumentException("no " + ROOT_FILE + " in " + folder);
        }
        return new DccSchema(Map.copyOf(documents), rootId);
    }

    private static void checkKeywords(JsonNode schema, String where) {
        if (!schema.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String keyword = entry.getKey();
            if (!VALIDATION_KEYWORDS.contains(keyword) && !ANNOTATION_KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("unsupported schema keyword '" + keyword + "' in " + where);
            }
            JsonNode value = entry.getValue();
            switch (keyword) {
                case "properties", "$defs" -> value.properties().forEach(e -> checkKeywords(e.getValue(), where));
                case "items", "not", "additionalProperties" -> checkKeywords(value, where);
                case "oneOf", "anyOf", "allOf" -> value.forEach(s -> checkKeywords(s, where));
                default -> {}
            }
        }
    }

    /** The violations found (location and keyword), empty when the DCC conforms. */
    public List<String> validate(JsonNode dcc) {
        List<String> errors = new ArrayList<>();
        validate(root, rootId, dcc, "$", errors);
        return errors;
    }

    private void validate(JsonNode schema, String baseId, JsonNode value, String at, List<String> errors) {
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                errors.add(at + ": false schema");
            }
            return;
        }
        if (schema.has("$ref")) {
            URI ref = URI.create(baseId).resolve(schema.get("$ref").textValue());
            String docId = stripFragment(ref.toString());
            JsonNode doc = documents.get(docId);
            if (doc == null) {
                throw new IllegalStateException("unresolvable $ref " + ref);
            }
            JsonNode target = ref.getRawFragment() == null ? doc : doc.at(ref.getFragment());
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolvable $ref " + ref);
            }
            validate(target, docId, value, at, errors);
        }
        if (schema.has("type") && !hasType(schema.get("type"), value)) {
            errors.add(at + ": type");
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(at + ": enum");
        }
        if (schema.has("const") && !JsonValues.equal(schema.get("const"), value)) {
            errors.add(at + ": const");
        }
        if (value.isTextual()) {
            checkString(schema, value.textValue(), at, errors);
        }
        if (value.isNumber()) {
            checkNumber(schema, value, at, errors);
        }
        if (value.isArray()) {
            checkArray(schema, baseId, value, at, errors);
        }
        if (value.isObject()) {
            checkObject(schema, baseId, value, at, errors);
        }
        checkCombinators(schema, baseId, value, at, errors);
    }

    private void checkString(JsonNode schema, String text, String at, List<String> errors) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").intValue()) {
            errors.add(at + ": minLength");
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").intValue()) {
            errors.add(at + ": maxLength");
        }
        if (schema.has("pattern")) {
            Pattern pattern = patterns.computeIfAbsent(schema.get("pattern").textValue(), Pattern::compile);
            if (!pattern.matcher(text).find()) { // ECMA-262 semantics: unanchored unless the pattern anchors
                errors.add(at + ": pattern");
            }
        }
    }

    private static void checkNumber(JsonNode schema, JsonNode value, String at, List<String> errors) {
        BigDecimal number = value.decimalValue();
        if (schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0) {
            errors.add(at + ": minimum");
        }
        if (schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0) {
            errors.add(at + ": maximum");
        }
        if (schema.has("exclusiveMinimum")
                && number.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
            errors.add(at + ": exclusiveMinimum");
        }
        if (schema.has("exclusiveMaximum")
                && number.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
            errors.add(at + ": exclusiveMaximum");
        }
    }

    private void checkArray(JsonNode schema, String baseId, JsonNode value, String at, List<String> errors) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").intValue()) {
            errors.add(at + ": minItems");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").intValue()) {
            errors.add(at + ": maxItems");
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(schema.get("items"), baseId, value.get(i), at + "[" + i + "]", errors);
            }
        }
    }

    private void checkObject(JsonNode schema, String baseId, JsonNode value, String at, List<String> errors) {
        if (schema.has("required")) {
            for (JsonNode name : schema.get("required")) {
                if (!value.has(name.textValue())) {
                    errors.add(at + "." + name.textValue() + ": required");
                }
            }
        }
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (properties.has(field.getKey())) {
                validate(properties.get(field.getKey()), baseId, field.getValue(), at + "." + field.getKey(), errors);
            } else if (schema.has("additionalProperties")) {
                validate(
                        schema.get("additionalProperties"),
                        baseId,
                        field.getValue(),
                        at + "." + field.getKey(),
                        errors);
            }
        }
    }

    private void checkCombinators(JsonNode schema, String baseId, JsonNode value, String at, List<String> errors) {
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(s -> validate(s, baseId, value, at, errors));
        }
        if (schema.has("anyOf") && countMatching(schema.get("anyOf"), baseId, value, at) == 0) {
            errors.add(at + ": anyOf");
        }
        if (schema.has("oneOf") && countMatching(schema.get("oneOf"), baseId, value, at) != 1) {
            errors.add(at + ": oneOf");
        }
        if (schema.has("not") && countMatching(List.of(schema.get("not")), baseId, value, at) == 1) {
            errors.add(at + ": not");
        }
    }

    private int countMatching(Iterable<JsonNode> schemas, String baseId, JsonNode value, String at) {
        int matching = 0;
        for (JsonNode candidate : schemas) {
            List<String> candidateErrors = new ArrayList<>();
            validate(candidate, baseId, value, at, candidateErrors);
            if (candidateErrors.isEmpty()) {
                matching++;
            }
        }
        return matching;
    }

    private static boolean hasType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (hasType(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.textValue()) {
            case "string" -> value.isTextual();
            case "integer" ->
                value.isIntegralNumber()
                        || value.isNumber()
                                && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalStateException("unknown schema type " + type.textValue());
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (JsonValues.equal(option, value)) {
                return true;
            }
        }
        return false;
    }

    private static String stripFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }
}

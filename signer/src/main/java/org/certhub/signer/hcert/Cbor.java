package org.certhub.signer.hcert;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CBOR as HCERT uses it, on Jackson's streaming CBOR codec: definite lengths and shortest integers when
 * writing (the deterministic form signatures are computed over), and a generic tree when reading:
 * maps ({@link LinkedHashMap}, integer keys as {@link Long}), lists, {@code byte[]}, strings, {@link Long}
 * or {@link BigInteger}, {@link Double}, {@link Boolean} and null.
 */
final class Cbor {

    private static final CBORFactory FACTORY = CBORFactory.builder()
            .enable(CBORGenerator.Feature.WRITE_MINIMAL_INTS)
            .build();
    private static final Pattern INTEGER_KEY = Pattern.compile("-?(0|[1-9]\\d{0,17})");

    private Cbor() {}

    @FunctionalInterface
    interface Writer {
        void write(CBORGenerator generator) throws IOException;
    }

    static byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (CBORGenerator generator = FACTORY.createGenerator(out)) {
            writer.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes a JSON tree with definite-length maps and arrays. */
    static void writeJson(CBORGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject(node, node.size());
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                node.properties().iterator();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    generator.writeFieldName(field.getKey());
                    writeJson(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray(node, node.size());
                for (JsonNode item : node) {
                    writeJson(generator, item);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> {
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    generator.writeNumber(node.longValue());
                } else if (node.isIntegralNumber()) {
                    generator.writeNumber(node.bigIntegerValue());
                } else {
                    generator.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case BINARY -> generator.writeBinary(node.binaryValue());
            default -> throw new IllegalArgumentException("cannot write " + node.getNodeType() + " as CBOR");
        }
    }

    /** Opens a parser on one CBOR item; the caller reads its first token (to see its tags) and the rest. */
    static CBORParser parser(byte[] bytes) throws IOException {
        return FACTORY.createParser(bytes);
    }

    /** Decodes one complete CBOR item with nothing after it. */
    static Object decode(byte[] bytes) throws IOException {
        try (CBORParser parser = parser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("empty CBOR");
            }
            Object value = read(parser);
            requireEnd(parser);
            return value;
        }
    }

    static void requireEnd(CBORParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new IOException("trailing data after the CBOR item");
        }
    }

    /** Reads the value at the parser's current token. */
    static Object read(CBORParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("truncated CBOR");
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    Object key = INTEGER_KEY.matcher(name).matches() ? (Object) Long.valueOf(name) : name;
                    parser.nextToken();
                    if (map.put(key, read(parser)) != null) {
                        throw new IOException("duplicate map key");
                    }
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == null) {
                        throw new IOException("truncated CBOR array");
                    }
                    list.add(read(parser));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_EMBEDDED_OBJECT -> parser.getBinaryValue();
            case VALUE_NUMBER_INT ->
                parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue()
                        : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected CBOR token " + token);
        };
    }

    /** The JSON view of a decoded tree (the DCC payload); non-string map keys are an error. */
    static JsonNode toJson(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, item) -> {
                if (!(key instanceof String name)) {
                    throw new IllegalArgumentException("a JSON object key must be a text string");
                }
                object.set(name, toJson(item));
            });
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Long number) {
            return number == number.intValue() ? nodes.numberNode(number.intValue()) : nodes.numberNode(number);
        }
        if (value instanceof BigInteger number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Double number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        }
        if (value instanceof byte[] bytes) {
            return nodes.binaryNode(bytes);
        }
        if (value == null) {
            return nodes.nullNode();
        }
        throw new IllegalArgumentException(
                "no JSON form for " + value.getClass().getSimpleName());
    }
}

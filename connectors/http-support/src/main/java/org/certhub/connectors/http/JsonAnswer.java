package org.certhub.connectors.http;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A remote system's JSON answer, read with JSONPath rules compiled once from the adapter's settings. */
public final class JsonAnswer {

    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final DocumentContext document;

    private JsonAnswer(DocumentContext document) {
        this.document = document;
    }

    /**
     * Parses an answer body.
     *
     * @throws IllegalArgumentException when the body is not JSON
     */
    public static JsonAnswer parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty answer");
        }
        try {
            return new JsonAnswer(JsonPath.using(CONFIGURATION).parse(body));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the answer is not JSON", e);
        }
    }

    /**
     * Compiles a JSONPath expression from settings.
     *
     * @return null when {@code expression} is null or blank (the rule is not configured)
     * @throws IllegalArgumentException when the expression is invalid
     */
    public static JsonPath compile(String expression, String setting) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        try {
            return JsonPath.compile(expression.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(setting + " is not a valid JSONPath: " + expression, e);
        }
    }

    /**
     * The scalar at {@code path} as text (a number or boolean in its JSON spelling), the first element when
     * the path selects a list, or empty when it selects nothing, null, or an object.
     */
    public Optional<String> text(JsonPath path) {
        if (path == null) {
            return Optional.empty();
        }
        Object value = document.read(path);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return Optional.empty();
        }
        return Optional.of(value.toString());
    }
}

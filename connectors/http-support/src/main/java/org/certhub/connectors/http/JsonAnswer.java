package org.certhub.connectors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.jsonpath.JsonPathExpression;
import org.apache.camel.support.DefaultExchange;

/**
 * A remote system's JSON answer, read with JSONPath rules (Camel's {@code jsonpath} language) compiled once from
 * the adapter's settings.
 */
public final class JsonAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Exchange exchange;

    private JsonAnswer(Exchange exchange) {
        this.exchange = exchange;
    }

    /**
     * Parses an answer body.
     *
     * @throws IllegalArgumentException when the body is not JSON
     */
    public static JsonAnswer parse(CamelContext camel, String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty answer");
        }
        try {
            JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the answer is not JSON", e);
        }
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        return new JsonAnswer(exchange);
    }

    /**
     * Checks a JSONPath expression from settings without a Camel context, so that settings fail at start-up.
     *
     * @throws IllegalArgumentException when the expression is invalid
     */
    public static void requireValid(String expression, String setting) {
        if (expression == null || expression.isBlank()) {
            return;
        }
        try {
            JsonPath.compile(expression.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(setting + " is not a valid JSONPath: " + expression, e);
        }
    }

    /**
     * Compiles a JSONPath expression from settings (plain JSONPath: no Simple language inside).
     *
     * @return null when {@code expression} is null or blank (the rule is not configured)
     * @throws IllegalArgumentException when the expression is invalid
     */
    public static Expression compile(CamelContext camel, String expression, String setting) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        JsonPathExpression path = new JsonPathExpression(expression.strip());
        path.setAllowSimple(false);
        path.setAllowEasyPredicate(false);
        path.setSuppressExceptions(true);
        try {
            path.init(camel);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(setting + " is not a valid JSONPath: " + expression, e);
        }
        return path;
    }

    /**
     * The scalar at {@code path} as text (a number or boolean in its JSON spelling), the first element when
     * the path selects a list, or empty when it selects nothing, null, or an object.
     */
    public Optional<String> text(Expression path) {
        Object value = value(path);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return Optional.empty();
        }
        return Optional.of(value.toString());
    }

    /** What {@code path} selects as JSON values (a scalar, a list or a map), or null for nothing. */
    public Object value(Expression path) {
        if (path == null) {
            return null;
        }
        try {
            return path.evaluate(exchange, Object.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

package org.certhub.connectors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request an adapter sends: method, JSON body template and query parameters, with {@code {{placeholder}}}
 * values filled in from the event. In the body a placeholder stands for a whole JSON value and is replaced by a
 * JSON string literal (escaped, quotes included) or {@code null}: {@code {"uin": {{identifier.value}}}}. Query
 * parameters name a placeholder and are URL-encoded. Request data never becomes part of the URL's path or
 * host. The template is checked at construction: known placeholders only, valid JSON once filled in.
 */
public final class RequestTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9.]*)\\s*}}");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT");

    private final String method;
    private final String body;
    private final Map<String, String> queryParameters;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param method          GET, POST or PUT
     * @param body            the JSON body template; must be null for GET and given for POST and PUT
     * @param queryParameters query parameter name to placeholder name, in order (may be empty)
     * @param placeholders    the placeholder names the adapter fills in
     */
    public RequestTemplate(String method, String body, Map<String, String> queryParameters, Set<String> placeholders) {
        this.method = method == null ? "POST" : method.strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(this.method)) {
            throw new IllegalArgumentException("method must be one of " + METHODS + ": " + method);
        }
        this.body = body == null || body.isBlank() ? null : body;
        if (this.method.equals("GET") != (this.body == null)) {
            throw new IllegalArgumentException("a body template is required for POST and PUT and not allowed for GET");
        }
        this.queryParameters = queryParameters == null ? Map.of() : new LinkedHashMap<>(queryParameters);
        this.queryParameters.forEach((name, placeholder) -> {
            if (!PARAMETER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain query parameter name: " + name);
            }
            requireKnown(placeholder, placeholders);
        });
        if (this.body != null) {
            Matcher matcher = PLACEHOLDER.matcher(this.body);
            while (matcher.find()) {
                requireKnown(matcher.group(1), placeholders);
            }
            try {
                json.readTree(matcher.replaceAll("\"x\""));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        "the body template is not JSON once its placeholders are filled in (a placeholder stands"
                                + " for a whole value: write {{name}}, not \"{{name}}\"): " + e.getOriginalMessage(),
                        e);
            }
        }
    }

    public String method() {
        return method;
    }

    /** The JSON body with {@code values} filled in, or null for GET. */
    public String body(Map<String, String> values) {
        if (body == null) {
            return null;
        }
        return PLACEHOLDER
                .matcher(body)
                .replaceAll(match -> Matcher.quoteReplacement(jsonLiteral(values.get(match.group(1)))));
    }

    /** The call for {@code values}: method, query, JSON body, {@code Accept: application/json} and {@code headers}. */
    public HttpCall call(Map<String, String> values, Map<String, String> headers) {
        String json = body(values);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Accept", "application/json");
        return new HttpCall(
                method,
                query(values),
                json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                json == null ? null : "application/json",
                all);
    }

    /** The configured query parameters, URL-encoded (absent values are left out), or null when there are none. */
    public String query(Map<String, String> values) {
        StringBuilder query = new StringBuilder();
        queryParameters.forEach((name, placeholder) -> {
            String value = values.get(placeholder);
            if (value != null) {
                query.append(query.length() == 0 ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.length() == 0 ? null : query.toString();
    }

    private String jsonLiteral(String value) {
        if (value == null) {
            return "null";
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a string could not be written as JSON", e);
        }
    }

    private static void requireKnown(String placeholder, Set<String> placeholders) {
        if (!placeholders.contains(placeholder)) {
            throw new IllegalArgumentException("unknown placeholder " + placeholder + "; known: " + placeholders);
        }
    }
}

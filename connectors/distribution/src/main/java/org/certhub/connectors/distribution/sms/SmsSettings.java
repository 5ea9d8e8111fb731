package org.certhub.connectors.distribution.sms;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.certhub.connectors.distribution.http.HttpUrls;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.HttpSettings;
import org.certhub.connectors.http.HttpTimeouts;
import org.certhub.connectors.http.JsonAnswer;
import org.certhub.connectors.http.Secret;

/**
 * Settings of the generic HTTP SMS gateway channel ({@code certhub.channels.sms.*}).
 *
 * @param gatewayUrl         the gateway's endpoint (http or https)
 * @param method             POST (default), PUT, or GET (the form body then goes into the query string)
 * @param auth               how to authenticate to the gateway (default none)
 * @param bodyFormat         FORM (default) or JSON
 * @param bodyTemplate       the request body with {@code {to}}, {@code {message}} and optionally
 *                           {@code {deliveryId}}; values are escaped for {@code bodyFormat}
 * @param messageTemplates   optional overrides of the SMS text per language ({@code en}, {@code hi}, ...; by
 *                           default the text is {@code sms.text} / {@code sms.textWithCode} of the message
 *                           bundles) with {@code {link}} (required) and {@code {code}} (required when
 *                           {@code codeKey} is set, refused otherwise); never the name or an identifier
 * @param codeKey            the key of the {@link ShortCode}; when set, every text shows the code and the link
 *                           opens the certificate only with it
 * @param codeDigits         the length of the short code (default 6)
 * @param idempotencyHeader  the header carrying the delivery id (default {@code Idempotency-Key}; blank: none)
 * @param successJsonPath    for gateways that answer 200 with an error in the body: a JSONPath into the
 *                           answer that must hold one of {@code successValues} (or be true / non-empty when
 *                           that list is empty); blank: the HTTP status alone decides
 * @param successValues      the values at {@code successJsonPath} that mean accepted
 * @param bodyErrorRetryable whether an error in a 2xx body is worth retrying (default true) or is permanent
 * @param messageIdJsonPath  a JSONPath to the gateway's message id, kept as the delivery's receipt
 * @param timeouts           connect and request time limits
 */
public record SmsSettings(
        URI gatewayUrl,
        Method method,
        HttpAuth auth,
        SmsBodyFormat bodyFormat,
        String bodyTemplate,
        Map<String, String> messageTemplates,
        Secret codeKey,
        int codeDigits,
        String idempotencyHeader,
        String successJsonPath,
        List<String> successValues,
        boolean bodyErrorRetryable,
        String messageIdJsonPath,
        HttpTimeouts timeouts) {

    /** The HTTP methods a gateway may expect. */
    public enum Method {
        POST,
        PUT,
        GET
    }

    public SmsSettings {
        HttpUrls.requireHttpUrl(gatewayUrl, "gatewayUrl");
        method = method == null ? Method.POST : method;
        auth = auth == null ? new HttpAuth.None() : auth;
        bodyFormat = bodyFormat == null ? SmsBodyFormat.FORM : bodyFormat;
        if (method == Method.GET && bodyFormat != SmsBodyFormat.FORM) {
            throw new IllegalArgumentException("a GET gateway takes a FORM template (the query string)");
        }
        Objects.requireNonNull(bodyTemplate, "bodyTemplate");
        if (!bodyTemplate.contains("{to}") || !bodyTemplate.contains("{message}")) {
            throw new IllegalArgumentException("bodyTemplate must contain {to} and {message}");
        }
        messageTemplates = messageTemplates == null ? Map.of() : Map.copyOf(messageTemplates);
        for (String template : messageTemplates.values()) {
            if (template == null || !template.contains("{link}")) {
                throw new IllegalArgumentException("every message template must contain {link}");
            }
            if (template.contains("{code}") && codeKey == null) {
                throw new IllegalArgumentException("codeKey is required when a message template uses {code}");
            }
            if (!template.contains("{code}") && codeKey != null) {
                // the link then opens the certificate only with the code: a text without it would be useless
                throw new IllegalArgumentException("with codeKey set, every message template must contain {code}");
            }
        }
        codeDigits = codeDigits == 0 ? 6 : codeDigits;
        if (codeDigits < 4 || codeDigits > 12) {
            throw new IllegalArgumentException("codeDigits must be between 4 and 12");
        }
        idempotencyHeader = idempotencyHeader == null ? "Idempotency-Key" : idempotencyHeader.trim();
        if (!idempotencyHeader.isEmpty()) {
            HttpSettings.requireHeaderName(idempotencyHeader, "idempotencyHeader");
        }
        successJsonPath = blankToNull(successJsonPath);
        messageIdJsonPath = blankToNull(messageIdJsonPath);
        JsonAnswer.requireValid(successJsonPath, "successJsonPath"); // fails fast on a malformed expression
        JsonAnswer.requireValid(messageIdJsonPath, "messageIdJsonPath");
        successValues = successValues == null ? List.of() : List.copyOf(successValues);
        timeouts = timeouts == null ? HttpTimeouts.DEFAULT : timeouts;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

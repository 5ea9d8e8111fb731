package org.certhub.connectors.distribution.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Expression;
import org.certhub.connectors.distribution.http.DeliveryHttp;
import org.certhub.connectors.distribution.http.DeliveryLedger;
import org.certhub.connectors.distribution.http.HeaderValues;
import org.certhub.connectors.distribution.http.HttpUrls;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.http.HttpCall;
import org.certhub.connectors.http.HttpResult;
import org.certhub.connectors.http.JsonAnswer;
import org.certhub.connectors.http.OutboundHttp;
import org.certhub.model.ContactPoint;
import org.certhub.render.Messages;

/**
 * Channel {@code sms}: a text with a short download link and code, sent through a generic HTTP SMS gateway.
 * The text is the recipient's language's {@code sms.text} (or, with a {@code codeKey}, {@code sms.textWithCode})
 * of the message bundles ({@link Messages}, {@code {0}} the link, {@code {1}} the code), unless
 * {@link SmsSettings#messageTemplates()} overrides that language. Either can only show the link and the code:
 * never the certificate, the person's name or an identifier. A redelivery of a delivery id the {@link DeliveryLedger}
 * has seen accepted is not sent again; the gateway also gets the delivery id as its idempotency key.
 */
public final class SmsDistributor implements CertificateDistributor {

    public static final String CHANNEL = "sms";

    private static final Pattern BODY_PLACEHOLDER = Pattern.compile("\\{(to|message|deliveryId)\\}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(link|code)\\}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().-]");
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String TEXT_KEY = "sms.text";
    static final String TEXT_WITH_CODE_KEY = "sms.textWithCode";

    private final SmsSettings settings;
    private final Messages messages;
    private final DeliveryLedger ledger;
    private final DeliveryHttp http;
    private final Optional<ShortCode> shortCode;
    private final CamelContext camel;
    private final Expression successPath;
    private final Expression messageIdPath;

    /**
     * @param messages the texts per language ({@code sms.text}, {@code sms.textWithCode}; the same bundles as the
     *     mail's and the PDF's)
     */
    public SmsDistributor(SmsSettings settings, Messages messages, DeliveryLedger ledger, CamelContext camel) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.camel = Objects.requireNonNull(camel, "camel");
        this.http = new DeliveryHttp(
                CHANNEL,
                new OutboundHttp(
                        camel,
                        "SMS gateway",
                        settings.gatewayUrl(),
                        settings.auth(),
                        settings.timeouts(),
                        Clock.systemUTC()));
        this.successPath = JsonAnswer.compile(camel, settings.successJsonPath(), "successJsonPath");
        this.messageIdPath = JsonAnswer.compile(camel, settings.messageIdJsonPath(), "messageIdJsonPath");
        this.shortCode = Optional.ofNullable(settings.codeKey()).map(key -> new ShortCode(key, settings.codeDigits()));
        checkTemplate();
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean appliesTo(DeliveryRequest request) {
        return request.downloadUrl() != null && phone(request).isPresent();
    }

    @Override
    public DeliveryReceipt deliver(DeliveryRequest request) {
        String deliveryId = HeaderValues.deliveryId(request);
        if (ledger.isDone(deliveryId)) {
            return new DeliveryReceipt(null);
        }
        String to = phone(request)
                .orElseThrow(
                        () -> new PermanentDeliveryException(CHANNEL + ": the recipient has no usable phone number"));
        String messageId = sendText(to, message(request), deliveryId);
        ledger.markDone(deliveryId);
        return new DeliveryReceipt(messageId);
    }

    /**
     * Sends {@code text} to {@code phone} through the gateway (the channel's texts, and one-time codes), with
     * {@code sendId} (a plain token) as the idempotency key and body placeholder {@code {deliveryId}}.
     *
     * @return the gateway's message id, or null
     * @throws PermanentDeliveryException when the number is not a phone number or the gateway refuses for good
     */
    public String sendText(String phone, String text, String sendId) {
        String to = normalisedPhone(phone);
        HttpResult response = http.send(httpCall(body(to, text, sendId), sendId));
        requireAcceptedBody(response.body());
        return messageId(response.body());
    }

    /**
     * The short code this channel's texts carry beside the link, when a {@code codeKey} is set (every text then
     * shows it): the hub then makes the link open its certificate only together with that code.
     */
    public Optional<ShortCode> linkCode() {
        return shortCode;
    }

    /**
     * The SMS text for {@code request} in its language: the configured template of that language if there is one,
     * else the message bundles' text, with the link and the short code.
     */
    String message(DeliveryRequest request) {
        String link = request.downloadUrl();
        try {
            HttpUrls.requireHttpUrl(URI.create(link), "the download link");
        } catch (IllegalArgumentException e) {
            throw new PermanentDeliveryException(CHANNEL + ": the download link is not an http(s) URL", e);
        }
        Optional<String> code =
                shortCode.map(key -> key.of(request.certificate().id()));
        String template = settings.messageTemplates().get(request.locale().getLanguage());
        if (template == null) {
            return code.map(value -> messages.text(request.locale(), TEXT_WITH_CODE_KEY, link, value))
                    .orElseGet(() -> messages.text(request.locale(), TEXT_KEY, link));
        }
        // one pass, so that the link is never itself searched for {code}
        return PLACEHOLDER
                .matcher(template)
                .replaceAll(
                        match -> Matcher.quoteReplacement(match.group(1).equals("link") ? link : code.orElseThrow()));
    }

    /** Fills the body template in one pass, so a value is never itself searched for placeholders. */
    private String body(String to, String message, String deliveryId) {
        SmsBodyFormat format = settings.bodyFormat();
        Map<String, String> values = Map.of("to", to, "message", message, "deliveryId", deliveryId);
        return BODY_PLACEHOLDER
                .matcher(settings.bodyTemplate())
                .replaceAll(match -> Matcher.quoteReplacement(format.escape(values.get(match.group(1)))));
    }

    private HttpCall httpCall(String body, String deliveryId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, text/plain;q=0.9, */*;q=0.1");
        if (!settings.idempotencyHeader().isEmpty()) {
            headers.put(settings.idempotencyHeader(), deliveryId);
        }
        if (settings.method() == SmsSettings.Method.GET) {
            return HttpCall.get(body, headers); // the form-encoded body is the query
        }
        return new HttpCall(
                settings.method().name(),
                null,
                body.getBytes(StandardCharsets.UTF_8),
                settings.bodyFormat().contentType() + "; charset=UTF-8",
                headers);
    }

    /** Fails unless the success rule, when configured, finds the answer an acceptance. */
    private void requireAcceptedBody(String body) {
        if (successPath == null) {
            return;
        }
        if (!isSuccess(json(body).map(answer -> answer.value(successPath)).orElse(null))) {
            String message = CHANNEL + ": the gateway answered 2xx but its body does not report success";
            throw settings.bodyErrorRetryable()
                    ? new TransientDeliveryException(message)
                    : new PermanentDeliveryException(message);
        }
    }

    private boolean isSuccess(Object value) {
        Object single = value instanceof List<?> list && list.size() == 1 ? list.get(0) : value;
        if (settings.successValues().isEmpty()) {
            return Boolean.TRUE.equals(single) || single instanceof List<?> list && !list.isEmpty();
        }
        return single != null
                && !(single instanceof List)
                && settings.successValues().contains(String.valueOf(single));
    }

    private String messageId(String body) {
        if (messageIdPath == null) {
            return null;
        }
        Object id = json(body).map(answer -> answer.value(messageIdPath)).orElse(null);
        return id == null || id instanceof List || id instanceof Map ? null : String.valueOf(id);
    }

    private Optional<JsonAnswer> json(String body) {
        try {
            return Optional.of(JsonAnswer.parse(camel, body));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Fails fast when the JSON body template does not give JSON for sample values. */
    private void checkTemplate() {
        if (settings.bodyFormat() != SmsBodyFormat.JSON) {
            return;
        }
        try {
            JSON.readTree(body("+10000000000", "text \"with\" quotes\nand lines", "delivery-1"));
        } catch (IOException e) {
            throw new IllegalArgumentException("bodyTemplate is not JSON once its placeholders are filled", e);
        }
    }

    private static Optional<String> phone(DeliveryRequest request) {
        return request.certificate()
                .recipient()
                .contact(ContactPoint.Channel.PHONE)
                .filter(value -> !value.isBlank());
    }

    private static String normalisedPhone(String raw) {
        String phone = PHONE_PUNCTUATION.matcher(raw.trim()).replaceAll("");
        if (phone.startsWith("tel:")) {
            phone = phone.substring(4);
        }
        if (!PHONE.matcher(phone).matches()) {
            throw new PermanentDeliveryException(CHANNEL + ": the recipient's phone number is not a number");
        }
        return phone;
    }
}

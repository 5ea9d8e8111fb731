package org.certhub.connectors.distribution.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certhub.connectors.distribution.http.DeliveryHttp;
import org.certhub.connectors.distribution.http.DeliveryLedger;
import org.certhub.connectors.distribution.http.HeaderValues;
import org.certhub.connectors.distribution.http.HttpUrls;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.model.ContactPoint;

/**
 * Channel {@code sms}: a text with a short download link and code, sent through a generic HTTP SMS gateway.
 * The text comes from a per-language template that can only show the link and the code: never the
 * certificate, the person's name or an identifier. A redelivery of a delivery id the {@link DeliveryLedger}
 * has seen accepted is not sent again; the gateway also gets the delivery id as its idempotency key.
 */
public final class SmsDistributor implements CertificateDistributor {

    public static final String CHANNEL = "sms";

    private static final Pattern BODY_PLACEHOLDER = Pattern.compile("\\{(to|message|deliveryId)\\}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().-]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmsSettings settings;
    private final DeliveryLedger ledger;
    private final DeliveryHttp http;
    private final Optional<ShortCode> shortCode;

    public SmsDistributor(SmsSettings settings, DeliveryLedger ledger) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.http = new DeliveryHttp(CHANNEL, settings.timeouts());
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
                .map(SmsDistributor::normalisedPhone)
                .orElseThrow(
                        () -> new PermanentDeliveryException(CHANNEL + ": the recipient has no usable phone number"));
        String message = message(request);
        String body = body(to, message, deliveryId);

        HttpResponse<String> response = http.send(httpRequest(body, deliveryId));
        requireAcceptedBody(response.body());
        ledger.markDone(deliveryId);
        return new DeliveryReceipt(messageId(response.body()));
    }

    /**
     * The short code this channel's texts carry beside the link, when a template shows one: the hub then makes
     * the link open its certificate only together with that code.
     */
    public Optional<ShortCode> linkCode() {
        return shortCode.filter(code ->
                settings.messageTemplates().values().stream().anyMatch(template -> template.contains("{code}")));
    }

    /** The SMS text for {@code request}: its language's template with the link and the short code. */
    String message(DeliveryRequest request) {
        String link = request.downloadUrl();
        try {
            HttpUrls.requireHttpUrl(URI.create(link), "the download link");
        } catch (IllegalArgumentException e) {
            throw new PermanentDeliveryException(CHANNEL + ": the download link is not an http(s) URL", e);
        }
        String template = settings.messageTemplates()
                .getOrDefault(
                        request.locale().getLanguage(),
                        settings.messageTemplates().get(settings.defaultLanguage()));
        String text = template.replace("{link}", link);
        if (text.contains("{code}")) {
            text = text.replace(
                    "{code}", shortCode.orElseThrow().of(request.certificate().id()));
        }
        return text;
    }

    /** Fills the body template in one pass, so a value is never itself searched for placeholders. */
    private String body(String to, String message, String deliveryId) {
        SmsBodyFormat format = settings.bodyFormat();
        Map<String, String> values = Map.of("to", to, "message", message, "deliveryId", deliveryId);
        return BODY_PLACEHOLDER
                .matcher(settings.bodyTemplate())
                .replaceAll(match -> Matcher.quoteReplacement(format.escape(values.get(match.group(1)))));
    }

    private HttpRequest httpRequest(String body, String deliveryId) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        URI url = settings.gatewayUrl();
        if (settings.method() == SmsSettings.Method.GET) {
            url = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + body);
            bytes = new byte[0];
        }
        HttpRequest.Builder builder = http.request(url);
        switch (settings.method()) {
            case GET -> builder.GET();
            case PUT -> builder.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
            case POST -> builder.POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        if (settings.method() != SmsSettings.Method.GET) {
            builder.header("Content-Type", settings.bodyFormat().contentType() + "; charset=UTF-8");
        }
        builder.header("Accept", "application/json, text/plain;q=0.9, */*;q=0.1");
        if (!settings.idempotencyHeader().isEmpty()) {
            builder.header(settings.idempotencyHeader(), deliveryId);
        }
        settings.auth().apply(builder, bytes);
        return builder.build();
    }

    /** Fails unless the success rule, when configured, finds the answer an acceptance. */
    private void requireAcceptedBody(String body) {
        if (settings.successJsonPath() == null) {
            return;
        }
        Object value;
        try {
            value = JsonPath.read(body == null ? "" : body, settings.successJsonPath());
        } catch (JsonPathException | IllegalArgumentException e) {
            value = null;
        }
        if (!isSuccess(value)) {
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
        if (settings.messageIdJsonPath() == null) {
            return null;
        }
        try {
            Object id = JsonPath.read(body, settings.messageIdJsonPath());
            return id == null || id instanceof List || id instanceof Map ? null : String.valueOf(id);
        } catch (JsonPathException | IllegalArgumentException e) {
            return null;
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

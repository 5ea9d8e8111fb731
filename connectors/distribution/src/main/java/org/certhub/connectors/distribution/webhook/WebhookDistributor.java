package org.certhub.connectors.distribution.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.certhub.connectors.distribution.document.CertificateEvent;
import org.certhub.connectors.distribution.http.DeliveryHttp;
import org.certhub.connectors.distribution.http.DeliveryLedger;
import org.certhub.connectors.distribution.http.HeaderValues;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.HttpCall;
import org.certhub.connectors.http.OutboundHttp;

/**
 * Channel {@code webhook}: POSTs the certificate event (ids and URLs only, no personal data) to every
 * subscriber whose facility or programme filter matches, signed with the subscriber's secret.
 *
 * <p>One delivery fans out to several subscribers. Each subscriber's acceptance is recorded in the
 * {@link DeliveryLedger} under {@code <deliveryId>|<subscriberId>}, so when one subscriber fails and the hub
 * redelivers, only the subscribers still missing are called again. Every request also carries the delivery
 * id in {@code X-Certhub-Delivery} (stable across retries; each subscriber sees its own requests), so a
 * receiver can drop the duplicate that a crash between its answer and the ledger update may cause.
 *
 * <p>Headers: {@code X-Certhub-Signature: sha256=<hex HMAC-SHA256(secret, body)>}, {@code X-Certhub-Delivery},
 * {@code X-Certhub-Timestamp} (epoch seconds, also in the signed body as {@code timestamp}) and
 * {@code X-Certhub-Event}.
 */
public final class WebhookDistributor implements CertificateDistributor {

    public static final String CHANNEL = "webhook";
    public static final String SIGNATURE_HEADER = "X-Certhub-Signature";

    private final WebhookSettings settings;
    private final DeliveryLedger ledger;
    private final Clock clock;
    /** Each subscriber's endpoint, signing with its secret. */
    private final Map<String, DeliveryHttp> endpoints;

    public WebhookDistributor(WebhookSettings settings, DeliveryLedger ledger, Clock clock, CamelContext camel) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.endpoints = settings.subscribers().stream()
                .collect(Collectors.toUnmodifiableMap(
                        WebhookSubscriber::id,
                        subscriber -> new DeliveryHttp(
                                CHANNEL,
                                new OutboundHttp(
                                        camel,
                                        "webhook subscriber " + subscriber.id(),
                                        subscriber.url(),
                                        new HttpAuth.BodyHmac(
                                                SIGNATURE_HEADER,
                                                subscriber.secret(),
                                                HttpAuth.BodyHmac.Encoding.PREFIXED_HEX),
                                        settings.timeouts(),
                                        clock))));
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean appliesTo(DeliveryRequest request) {
        return settings.subscribers().stream().anyMatch(s -> s.wants(request.certificate()));
    }

    @Override
    public DeliveryReceipt deliver(DeliveryRequest request) {
        String deliveryId = HeaderValues.deliveryId(request);
        List<String> delivered = new ArrayList<>();
        List<String> retryable = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (WebhookSubscriber subscriber : settings.subscribers()) {
            if (!subscriber.wants(request.certificate())) {
                continue;
            }
            String key = deliveryId + "|" + subscriber.id();
            if (ledger.isDone(key)) {
                delivered.add(subscriber.id());
                continue;
            }
            try {
                send(subscriber, request, deliveryId);
                ledger.markDone(key);
                delivered.add(subscriber.id());
            } catch (TransientDeliveryException e) {
                retryable.add(subscriber.id());
            } catch (PermanentDeliveryException e) {
                rejected.add(subscriber.id());
            }
        }
        if (!retryable.isEmpty()) {
            throw new TransientDeliveryException(CHANNEL + ": subscribers " + retryable + " failed and will be retried"
                    + (rejected.isEmpty() ? "" : "; subscribers " + rejected + " rejected the event"));
        }
        if (!rejected.isEmpty()) {
            throw new PermanentDeliveryException(CHANNEL + ": subscribers " + rejected + " rejected the event");
        }
        return new DeliveryReceipt(String.join(",", delivered));
    }

    private void send(WebhookSubscriber subscriber, DeliveryRequest request, String deliveryId) {
        long timestamp = clock.instant().getEpochSecond();
        String type = CertificateEvent.type(request.certificate());
        byte[] body = CertificateEvent.bytes(request, deliveryId, timestamp);
        endpoints
                .get(subscriber.id())
                .send(new HttpCall(
                        "POST",
                        null,
                        body,
                        "application/json",
                        Map.of(
                                "User-Agent",
                                "certhub-webhook",
                                "X-Certhub-Delivery",
                                deliveryId,
                                "X-Certhub-Timestamp",
                                Long.toString(timestamp),
                                "X-Certhub-Event",
                                type)));
    }
}

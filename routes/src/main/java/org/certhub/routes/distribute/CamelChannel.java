package org.certhub.routes.distribute;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;
import org.certhub.connectors.distribution.http.DeliveryHttp;
import org.certhub.connectors.distribution.http.HeaderValues;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;

/**
 * A delivery channel that is any Camel endpoint ({@code certhub.channels.<name>.type: camel}): it sends the
 * configured payload to the endpoint URI, with the delivery id in the {@value #IDEMPOTENCY_KEY} header; file-like
 * endpoints (file, sftp, ftp) get a file name fixed per certificate, so that a repeated delivery replaces its own file. An
 * HTTP answer that means "never" (a 4xx other than 408, 425, 429) is permanent; every other failure is transient.
 */
public final class CamelChannel implements CertificateDistributor {

    /** The header every message carries: the delivery id, stable per certificate and channel. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The Kafka record key, for {@code kafka:} endpoints: the certificate id. */
    static final String KAFKA_KEY = "kafka.KEY";

    private final String name;
    private final Endpoint endpoint;
    private final ProducerTemplate producer;
    private final ChannelPayloads payloads;
    private final ChannelPayload payload;
    private final String template;
    private final String fileName;
    private final Map<String, String> headers;

    /**
     * @param fileName the file name with placeholders {@code {deliveryId}}, {@code {certificateId}}, {@code {eventId}}
     *                 and {@code {ext}}
     * @param headers  constant headers every message carries (an HTTP header, a Kafka or JMS property)
     */
    public CamelChannel(
            String name,
            Endpoint endpoint,
            ProducerTemplate producer,
            ChannelPayloads payloads,
            ChannelPayload payload,
            String template,
            String fileName,
            Map<String, String> headers) {
        this.name = Objects.requireNonNull(name, "name");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.payloads = Objects.requireNonNull(payloads, "payloads");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.template = template;
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.headers = Map.copyOf(headers);
    }

    @Override
    public String channel() {
        return name;
    }

    /** A system's endpoint reaches every certificate; {@code certhub.programmes.<id>.channels} narrows it. */
    @Override
    public boolean appliesTo(DeliveryRequest request) {
        return true;
    }

    @Override
    public DeliveryReceipt deliver(DeliveryRequest request) {
        String deliveryId = HeaderValues.deliveryId(request);
        ChannelPayloads.Payload body = payloads.of(payload, template, request);
        Exchange sent = producer.send(endpoint, exchange -> {
            Message message = exchange.getIn();
            message.setBody(body.body());
            message.setHeaders(new HashMap<>(headers));
            message.setHeader(IDEMPOTENCY_KEY, deliveryId);
            message.setHeader(Exchange.CONTENT_TYPE, body.mediaType());
            message.setHeader(Exchange.FILE_NAME, fileName(request, deliveryId, body.extension()));
            if (endpoint.getEndpointUri().startsWith("kafka:")) {
                message.setHeader(KAFKA_KEY, request.certificate().id());
            }
        });
        if (sent.getException() != null) {
            throw failure(sent.getException());
        }
        return new DeliveryReceipt(null);
    }

    private String fileName(DeliveryRequest request, String deliveryId, String extension) {
        return fileName.replace("{deliveryId}", deliveryId)
                .replace(
                        "{certificateId}",
                        HeaderValues.requireToken(request.certificate().id(), "certificate id"))
                .replace(
                        "{eventId}",
                        HeaderValues.requireToken(request.certificate().eventId(), "event id"))
                .replace("{ext}", extension);
    }

    private RuntimeException failure(Exception cause) {
        HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, cause);
        if (http != null && !DeliveryHttp.isRetryable(http.getStatusCode())) {
            return new PermanentDeliveryException(name + ": the receiver answered HTTP " + http.getStatusCode(), cause);
        }
        return new TransientDeliveryException(name + ": " + cause.getClass().getSimpleName(), cause);
    }
}

package org.certhub.routes.distribute;

import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One {@code certhub.channels.<name>.*} entry; those of {@code type: camel} are channels to a Camel endpoint.
 *
 * @param uri         the endpoint URI ({@code sftp:}, {@code kafka:}, {@code jms:}, {@code file:}, {@code http:}...)
 * @param payload     what is sent (default {@code event})
 * @param template    for {@code payload: template}: the template below {@code templates/}, without {@code .hbs}
 * @param fileName    the file name for file-like endpoints, with {@code {deliveryId}}, {@code {certificateId}},
 *                    {@code {eventId}} and {@code {ext}} (default {@code {certificateId}.{ext}})
 * @param headers     constant headers every message carries
 */
public record CamelChannelProperties(
        String type,
        @DefaultValue("true") boolean enabled,
        String uri,
        @DefaultValue("event") ChannelPayload payload,
        String template,
        @DefaultValue("{certificateId}.{ext}") String fileName,
        Map<String, String> headers) {

    public static final String TYPE = "camel";

    /** Whether this entry is a switched-on channel of type {@code camel}. */
    public boolean isCamelChannel() {
        return TYPE.equals(type) && enabled;
    }

    @Override
    public Map<String, String> headers() {
        return headers == null ? Map.of() : headers;
    }

    /** The URI is left out: it may hold a password. */
    @Override
    public String toString() {
        return "CamelChannelProperties[payload=" + payload + ", template=" + template + ", fileName=" + fileName + "]";
    }
}

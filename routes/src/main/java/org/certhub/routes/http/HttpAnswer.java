package org.certhub.routes.http;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * An HTTP answer a service decided on: status, media type, body and extra headers. Routes end with
 * {@code .process(HttpAnswer::respond)} so that services stay free of Camel's header names.
 */
public record HttpAnswer(int status, String contentType, Object body, Map<String, String> headers) {

    public HttpAnswer {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static HttpAnswer json(int status, String json) {
        return new HttpAnswer(status, "application/json", json, Map.of());
    }

    public HttpAnswer withHeader(String name, String value) {
        var all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return new HttpAnswer(status, contentType, body, all);
    }

    /** Writes the {@link HttpAnswer} in the exchange's body as the HTTP response. */
    public static void respond(Exchange exchange) {
        HttpAnswer answer = exchange.getIn().getBody(HttpAnswer.class);
        Message out = exchange.getMessage();
        // nothing of the request's headers may leak into the response
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        out.setHeader(Exchange.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(out::setHeader);
        out.setBody(answer.body());
    }
}

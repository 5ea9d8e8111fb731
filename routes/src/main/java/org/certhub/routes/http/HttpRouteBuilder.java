package org.certhub.routes.http;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.ResponseMessageDefinition;

/**
 * The two shapes every HTTP route of the hub takes, under the {@code http-errors} policy: a call whose
 * {@link HttpAnswer} is the response, and an intake that stores events, queues each for certification and then
 * answers (the service returns an {@code IngestReceipt}).
 */
public abstract class HttpRouteBuilder extends RouteBuilder {
    // spotless:off: route definitions read as their flow, one step per line

    /**
     * One answer of a REST verb for the OpenAPI document: {@code .responseMessage(reply(200, "..."))}. (The REST DSL's
     * own {@code responseMessage(int, String)} drops the message in Camel 4.17: it never reaches the verb.)
     */
    public static ResponseMessageDefinition reply(int code, String description) {
        return new ResponseMessageDefinition().code(code).message(description);
    }

    /** {@code direct:<routeId>}: one service call whose {@link HttpAnswer} is the response. */
    protected void answer(String routeId, Class<?> service, String method) {
        from("direct:" + routeId).routeId(routeId).routeConfigurationId("http-errors")
                .bean(service, method)
                .process(HttpAnswer::respond);
    }

    /**
     * As {@link #answer}, after the {@code admit(Exchange)} step of {@code guard}, which refuses a request by
     * throwing (e.g. {@link TooManyRequestsException}).
     */
    protected void answerAdmitted(String routeId, Class<?> guard, Class<?> service, String method) {
        from("direct:" + routeId).routeId(routeId).routeConfigurationId("http-errors")
                .bean(guard, "admit").id(routeId + "-admit")
                .bean(service, method)
                .process(HttpAnswer::respond);
    }

    /** {@code direct:<routeId>}: stores what the request carries, queues each stored event, then answers. */
    protected void storeAndQueue(String routeId, Class<?> service, String method) {
        from("direct:" + routeId).routeId(routeId).routeConfigurationId("http-errors")
                .convertBodyTo(String.class, "UTF-8")
                .bean(service, method).id(routeId + "-store")
                .split(simple("${body.toCertify()}"))
                    .to("direct:queue-for-certification").id(routeId + "-queue")
                .end()
                .setBody(simple("${body.answer()}"))
                .process(HttpAnswer::respond);
    }
    // spotless:on
}

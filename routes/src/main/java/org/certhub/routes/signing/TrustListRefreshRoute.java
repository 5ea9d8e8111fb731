package org.certhub.routes.signing;

import org.apache.camel.builder.RouteBuilder;
import org.certhub.routes.config.ConditionalOnRole;
import org.certhub.routes.config.ConditionalOnRole.Role;
import org.certhub.routes.config.TrustListProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps other issuers' trust lists current: each configured list is fetched at start and every
 * {@code certhub.trust.refresh}; a list that fails to download or parse, or is larger than
 * {@code certhub.trust.max-bytes}, keeps its last good keys (logged).
 */
@Component
@ConditionalOnRole(Role.API)
public class TrustListRefreshRoute extends RouteBuilder {

    private final TrustListProperties trust;

    public TrustListRefreshRoute(TrustListProperties trust) {
        this.trust = trust;
    }

    @Override
    public void configure() {
        // spotless:off: a route reads as its flow, one step per line, nested steps indented
        onException(Exception.class).handled(true)
                .log(org.apache.camel.LoggingLevel.WARN, "trust list ${exchangeProperty.trustList} not refreshed: ${exception.message}");

        for (int i = 0; i < trust.lists().size(); i++) {
            TrustListProperties.TrustList list = trust.lists().get(i);
            from("timer:refresh-trust-list-" + i + "?delay=0&period=" + trust.refresh().toMillis())
                    .routeId("refresh-trust-list-" + i)
                    .setProperty(TrustListRefresher.SOURCE, constant(list.url()))
                    .setProperty(TrustListRefresher.FORMAT, constant(list.format()))
                    .setProperty(TrustListRefresher.ISSUER, constant(list.boundIssuer()))
                    .removeHeaders("*")
                    .to(uncached(list.url())).id("fetch-trust-list-" + i)
                    .bean(TrustListRefresher.class, "refresh")
                    .log("trust list ${exchangeProperty.trustList}: ${body} keys");
        }
        // spotless:on
    }

    /** The response stream itself as the body, so that the refresher stops reading past the size cap. */
    private static String uncached(String url) {
        return url + (url.contains("?") ? "&" : "?") + "disableStreamCache=true";
    }
}

package org.certhub.routes.wiring;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import org.certhub.connectors.http.HttpSettings;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how a connector calls its outside system ({@code certhub.connectors.<kind>.rest.http.*}): the URL
 * (a Camel http endpoint URI, which may carry camel-http options such as {@code proxyHost}), time limits and
 * authentication. Secrets come from environment variables and never show in {@link #toString()}.
 */
public record ConnectorHttp(
        URI url,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @Valid HttpAuthProperties auth) {

    /** The connector's HTTP settings; {@code what} names the property prefix in error messages. */
    public HttpSettings settings(String what) {
        if (url == null) {
            throw new IllegalStateException(what + ".url is required");
        }
        HttpAuthProperties chosen = auth == null ? new HttpAuthProperties(null, null, null, null, null, null) : auth;
        return new HttpSettings(url, chosen.toHttpAuth(what + ".auth"), connectTimeout, requestTimeout);
    }
}

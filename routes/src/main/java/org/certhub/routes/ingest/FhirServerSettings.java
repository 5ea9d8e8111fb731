package org.certhub.routes.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.Secret;

/**
 * The FHIR server that {@code poll-fhir-server} searches ({@code certhub.ingest.fhir-server.*}).
 *
 * @param baseUrl     the server's FHIR base, e.g. {@code https://ehr.example.org/fhir}; next links must stay below it
 * @param sourceId    the name of the source: the events' source system and the checkpoint's key
 * @param bearerToken a bearer token, or blank
 * @param username    a basic-auth user (with {@code password}), or blank
 * @param pageSize    {@code _count} of each search page
 * @param since       where to start when there is no checkpoint yet (a FHIR instant), or blank for everything
 * @param timeout     connect and request timeout
 */
public record FhirServerSettings(
        URI baseUrl,
        String sourceId,
        String bearerToken,
        String username,
        String password,
        int pageSize,
        String since,
        Duration timeout) {

    public FhirServerSettings {
        Objects.requireNonNull(baseUrl, "certhub.ingest.fhir-server.base-url must be set");
        if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())
                || baseUrl.getRawAuthority() == null) {
            throw new IllegalArgumentException("certhub.ingest.fhir-server.base-url must be an http(s) URL");
        }
        String path = baseUrl.getPath() == null ? "" : baseUrl.getPath();
        baseUrl = URI.create(
                baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("certhub.ingest.fhir-server.source-id must be set");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("certhub.ingest.fhir-server.page-size must be at least 1");
        }
    }

    /** The server's authentication: the bearer token, else basic with the user, else none. */
    public HttpAuth auth() {
        if (bearerToken != null && !bearerToken.isBlank()) {
            return new HttpAuth.Bearer(Secret.of(bearerToken));
        }
        if (username != null && !username.isBlank()) {
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("certhub.ingest.fhir-server.password must be set with the username");
            }
            return new HttpAuth.Basic(username, Secret.of(password));
        }
        return new HttpAuth.None();
    }

    /** Whether a URL lies below the base (same scheme, host, port and path prefix): the only next links followed. */
    public boolean isBelowBase(URI url) {
        return url.isAbsolute()
                && baseUrl.getScheme().equalsIgnoreCase(url.getScheme())
                && baseUrl.getRawAuthority()
                        .equalsIgnoreCase(url.getRawAuthority() == null ? "" : url.getRawAuthority())
                && url.getRawPath() != null
                && !url.getRawPath().contains("/../")
                && (url.getRawPath() + "/").startsWith(baseUrl.getRawPath());
    }

    @Override
    public String toString() { // the secrets stay out of every log line
        return "FhirServerSettings[baseUrl=" + baseUrl + ", sourceId=" + sourceId + ", pageSize=" + pageSize + "]";
    }
}

package org.certhub.routes.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.certhub.connectors.http.TraceHeaders;

/** Reads search pages from the polled FHIR server over HTTP, with its bearer token or basic credentials. */
public class FhirServerClient {

    /** The server answered a status worth retrying (5xx, 429) or could not be reached. */
    public static class UnavailableException extends IOException {
        private static final long serialVersionUID = 1L;

        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final FhirServerSettings settings;
    private final HttpClient http;
    private final String authorization;

    public FhirServerClient(FhirServerSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        if (settings.bearerToken() != null && !settings.bearerToken().isBlank()) {
            authorization = "Bearer " + settings.bearerToken();
        } else if (settings.username() != null && !settings.username().isBlank()) {
            String pair = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
            authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        } else {
            authorization = null;
        }
    }

    /** One page (a searchset Bundle in JSON). Other 4xx answers are permanent: an {@link IllegalStateException}. */
    public String get(URI url) throws IOException {
        HttpRequest.Builder request = TraceHeaders.addTo(HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Accept", "application/fhir+json")
                .GET());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UnavailableException("the FHIR server " + settings.baseUrl() + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while reading from the FHIR server", e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new UnavailableException("the FHIR server answered " + status, null);
        }
        if (status != 200) {
            throw new IllegalStateException("the FHIR server answered " + status + " to a search");
        }
        return response.body();
    }
}

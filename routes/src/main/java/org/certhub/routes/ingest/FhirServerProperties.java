package org.certhub.routes.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.ingest.fhir-server.*}: the FHIR server that {@code poll-fhir-server} searches, bound only when the
 * poller is switched on ({@code enabled}). Durations are ISO-8601 ({@code PT5M}).
 *
 * @param baseUrl     the server's FHIR base (may carry camel-http options such as {@code proxyHost})
 * @param sourceId    the source system of the polled records, and the key of the stored checkpoint
 * @param bearerToken a bearer token, or blank
 * @param username    a basic-auth user (with {@code password}), or blank
 * @param password    the basic-auth password
 * @param pageSize    {@code _count} of each search page
 * @param since       a FHIR instant to start from when no checkpoint is stored yet (blank: everything)
 * @param period      the time between two polls, and before the first
 * @param timeout     connect and request timeout of each search
 * @param maxRetries  retries of a poll that failed on an outage (down, 5xx, 429) before it waits for the next period
 * @param retryDelay  the first retry's delay, doubling with each further one
 */
@Validated
@ConditionalOnProperty(name = "certhub.ingest.fhir-server.enabled", havingValue = "true") // bound only when on
@ConfigurationProperties("certhub.ingest.fhir-server")
public record FhirServerProperties(
        URI baseUrl,
        @DefaultValue("fhir-server") String sourceId,
        String bearerToken,
        String username,
        String password,
        @DefaultValue("100") @Min(1) int pageSize,
        String since,

        @DefaultValue("PT5M") @NotNull @DurationMin(millis = 1)
        Duration period,

        @DefaultValue("PT30S") @NotNull @DurationMin(millis = 1)
        Duration timeout,

        @DefaultValue("5") @Min(0) int maxRetries,

        @DefaultValue("PT1S") @NotNull @DurationMin(millis = 1)
        Duration retryDelay) {

    /** The server's settings; fails naming the property when the base URL or the source id is missing or wrong. */
    public FhirServerSettings settings() {
        return new FhirServerSettings(baseUrl, sourceId, bearerToken, username, password, pageSize, since, timeout);
    }

    @Override
    public String toString() { // the secrets stay out of every log line
        return "FhirServerProperties[baseUrl=" + baseUrl + ", sourceId=" + sourceId + ", period=" + period + "]";
    }
}

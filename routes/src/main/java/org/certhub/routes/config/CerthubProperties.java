package org.certhub.routes.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The {@code certhub.*} configuration tree; every value has an environment override (see the README). */
@Validated
@ConfigurationProperties("certhub")
public record CerthubProperties(
        @NotNull Path dataDir,
        @NotBlank String baseUrl,
        String apiKey,
        String adminApiKey,
        @Min(1024) long maxRequestBytes,
        @Valid @NotNull Issuer issuer,
        @Valid @NotNull Keys keys,
        Path trustDir,
        @NotEmpty List<@Pattern(regexp = "w3c-vc|eu-dcc|shc") String> formats,
        @Valid @NotNull Queues queues,
        @Valid @NotNull Retry retry) {

    public record Issuer(@NotBlank String name, @Pattern(regexp = "[A-Z]{2}") String country) {
    }

    public record Keys(@NotNull Path dir, String password) {
        @Override
        public String toString() {
            return "Keys[dir=" + dir + ", password=" + (password == null || password.isEmpty() ? "unset" : "****") + "]";
        }
    }

    /**
     * Endpoint URIs of the durable queues between the stages: JMS in embedded mode, Kafka when scaled out.
     * {@code deliver} holds {@code {channel}} where the channel name goes.
     */
    public record Queues(
            @NotBlank String certify,
            @NotBlank String certificateIssued,
            @NotBlank @Pattern(regexp = ".*\\{channel}.*") String deliver,
            @NotBlank String deadLetterSuffix) {

        public String deliver(String channel) {
            return deliver.replace("{channel}", channel);
        }

        /** The dead-letter queue of a queue: its name with the suffix; consumer options do not apply to it. */
        public String deadLetter(String queue) {
            int options = queue.indexOf('?');
            return (options < 0 ? queue : queue.substring(0, options)) + deadLetterSuffix;
        }
    }

    public record Retry(@Min(0) int maximumRedeliveries, @Min(1) long initialDelayMs, double backoffMultiplier,
                        @Min(1) long maximumDelayMs) {
    }

    public String primaryFormat() {
        return formats.get(0);
    }

    @Override
    public String toString() { // keeps API keys out of any log line
        return "CerthubProperties[dataDir=" + dataDir + ", baseUrl=" + baseUrl + ", formats=" + formats + "]";
    }
}

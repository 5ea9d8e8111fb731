package org.certhub.routes.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.certhub.signer.keys.KeyPurpose;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code certhub.*} configuration tree; every value has an environment override (see the README).
 *
 * @param configDir an operator's folder ({@code CERTHUB_CONFIG_DIR}) overriding the packaged {@code config/} files
 *                  (value sets, templates, message bundles) and holding the routes loaded at start; unset (null) when
 *                  blank, see {@link #configFolder()}
 */
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
        Path configDir,
        @NotEmpty List<@Pattern(regexp = "w3c-vc|eu-dcc|shc") String> formats,
        @Valid @NotNull Queues queues,
        @Valid @NotNull Retry retry) {

    public record Issuer(
            @NotBlank String name,
            @Pattern(regexp = "[A-Z]{2}") String country) {}

    /**
     * Where the signing keys come from ({@code certhub.keys.provider}): {@code keystore} (a PKCS#12 file in {@code dir},
     * created with development keys when absent and {@code development} is true, as in the embedded mode; the
     * scale-out profile sets it false, so that a missing keystore stops the start), {@code pem} (key and certificate
     * files per purpose) or {@code pkcs11} (an HSM through the JDK's SunPKCS11).
     */
    public record Keys(
            @NotNull Path dir,
            String password,
            @Pattern(regexp = "keystore|pem|pkcs11") String provider,
            Map<KeyPurpose, List<PemKeyFiles>> pem,
            Pkcs11 pkcs11,
            Boolean development) {

        public Keys {
            provider = provider == null || provider.isBlank() ? "keystore" : provider;
            pem = pem == null ? Map.of() : Map.copyOf(pem);
            development = development == null || development;
        }

        @Override
        public String toString() {
            return "Keys[provider=" + provider + ", dir=" + dir + ", password="
                    + (password == null || password.isEmpty() ? "unset" : "****") + "]";
        }
    }

    /** A PEM key of one purpose: the PKCS#8 private key and, for EU DCC, the signer certificate chain. */
    public record PemKeyFiles(@NotNull Path privateKey, Path certificateChain) {}

    /** An HSM token: the PKCS#11 library, the slot (or its index), the PIN, and the key aliases per purpose. */
    public record Pkcs11(
            Path library, Long slot, Integer slotListIndex, String pin, Map<KeyPurpose, List<String>> aliases) {
        public Pkcs11 {
            aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        }

        @Override
        public String toString() {
            return "Pkcs11[library=" + library + ", slot=" + slot + ", slotListIndex=" + slotListIndex + ", pin=****]";
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

    /**
     * {@code certhub.retry.*}: the redelivery of a stage's failed message before it is dead-lettered.
     *
     * @param maximumRedeliveries redeliveries before the stage's dead-letter queue
     * @param initialDelay        the delay before the first redelivery (ISO-8601, e.g. {@code PT0.5S})
     * @param backoffMultiplier   the factor each further delay grows by
     * @param maximumDelay        the longest delay between two redeliveries, also of a message that waits out an
     *                            outage without limit
     */
    public record Retry(
            @Min(0) int maximumRedeliveries,
            @NotNull @DurationMin(millis = 1) Duration initialDelay,
            double backoffMultiplier,
            @NotNull @DurationMin(millis = 1) Duration maximumDelay) {}

    /** The folder the hub's own configuration files are read from: {@code configDir}, else {@code ./config}. */
    public Path configFolder() {
        return configDir == null ? Path.of("config") : configDir;
    }

    public String primaryFormat() {
        return formats.get(0);
    }

    @Override
    public String toString() { // keeps API keys out of any log line
        return "CerthubProperties[dataDir=" + dataDir + ", baseUrl=" + baseUrl + ", formats=" + formats + "]";
    }
}

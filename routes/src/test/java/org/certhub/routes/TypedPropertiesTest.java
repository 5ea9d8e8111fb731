package org.certhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.certhub.fhirmapping.FhirIngestionSettings;
import org.certhub.routes.api.admin.DeadLetterProperties;
import org.certhub.routes.certify.CertifyProperties;
import org.certhub.routes.certify.RequeueProperties;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.config.CircuitBreakerProperties;
import org.certhub.routes.config.IngestProperties;
import org.certhub.routes.distribute.ChannelsProperties;
import org.certhub.routes.divoc.DivocProperties;
import org.certhub.routes.ingest.FhirServerProperties;
import org.certhub.routes.security.AuditProperties;
import org.certhub.routes.wiring.EmailChannelProperties;
import org.certhub.routes.wiring.FhirProperties;
import org.certhub.routes.wiring.PaymentConnectorProperties;
import org.certhub.routes.wiring.PrintChannelProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The typed configuration records bind from the packaged {@code application.yaml} as the hub binds them: every
 * duration an ISO-8601 {@link Duration} (no millisecond numbers), every default the record's own when a key is absent,
 * and each renamed environment variable overriding its key.
 */
class TypedPropertiesTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static Binder binder(Map<String, Object> environment) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("environment", environment));
        for (PropertySource<?> yaml :
                new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))) {
            sources.addLast(yaml);
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }

    private static Binder empty() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("nothing", Map.of()));
        return new Binder(ConfigurationPropertySources.from(sources));
    }

    @Test
    void theDurationsOfApplicationYamlBindFromIsoValues() throws IOException {
        Binder binder = binder(Map.of());

        CerthubProperties.Retry retry =
                binder.bind("certhub.retry", CerthubProperties.Retry.class).get();
        assertThat(retry.initialDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(retry.maximumDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.maximumRedeliveries()).isEqualTo(10);

        FhirServerProperties fhirServer = binder.bindOrCreate("certhub.ingest.fhir-server", FhirServerProperties.class);
        assertThat(fhirServer.period()).isEqualTo(Duration.ofMinutes(5));
        assertThat(fhirServer.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fhirServer.retryDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(fhirServer.maxRetries()).isEqualTo(5);
        assertThat(fhirServer.pageSize()).isEqualTo(100);
        assertThat(fhirServer.sourceId()).isEqualTo("fhir-server");

        assertThat(binder.bindOrCreate("certhub.requeue", RequeueProperties.class))
                .isEqualTo(new RequeueProperties(Duration.ofMinutes(5), Duration.ofMinutes(1)));
        assertThat(binder.bindOrCreate("certhub.connectors.payment", PaymentConnectorProperties.class)
                        .reconcileInterval())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(binder.bindOrCreate("certhub.channels.print", PrintChannelProperties.class)
                        .closeCheckInterval())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(binder.bindOrCreate("certhub.audit", AuditProperties.class))
                .isEqualTo(new AuditProperties(Duration.ofMinutes(1), 100));
        assertThat(binder.bindOrCreate("certhub.dead-letters", DeadLetterProperties.class))
                .isEqualTo(new DeadLetterProperties("certhub-dead-letter-replay", Duration.ofSeconds(2), 10000));
    }

    @Test
    void theRenamedVariablesOverrideTheirKeys() throws IOException {
        Binder binder = binder(Map.of(
                "CERTHUB_INGEST_FHIR_SERVER_PERIOD", "PT2M",
                "CERTHUB_INGEST_FHIR_SERVER_TIMEOUT", "PT10S",
                "CERTHUB_INGEST_FHIR_SERVER_RETRY_DELAY", "PT0.25S",
                "CERTHUB_RETRY_DELAY", "PT2S",
                "CERTHUB_PAYMENT_RECONCILE_INTERVAL", "PT1H",
                "CERTHUB_PRINT_CLOSE_CHECK_INTERVAL", "PT30S",
                "CERTHUB_CONFIG_DIR", "/etc/certhub"));

        FhirServerProperties fhirServer = binder.bindOrCreate("certhub.ingest.fhir-server", FhirServerProperties.class);
        assertThat(fhirServer.period()).isEqualTo(Duration.ofMinutes(2));
        assertThat(fhirServer.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(fhirServer.retryDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(binder.bind("certhub.retry", CerthubProperties.Retry.class)
                        .get()
                        .initialDelay())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(binder.bindOrCreate("certhub.connectors.payment", PaymentConnectorProperties.class)
                        .reconcileInterval())
                .isEqualTo(Duration.ofHours(1));
        assertThat(binder.bindOrCreate("certhub.channels.print", PrintChannelProperties.class)
                        .closeCheckInterval())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(binder.bind("certhub.config-dir", Path.class).get()).isEqualTo(Path.of("/etc/certhub"));
    }

    @Test
    void anUnsetConfigDirIsNoOperatorFolderAndTheRoutesComeFromDotConfig() throws IOException {
        Binder binder = binder(Map.of());

        assertThat(binder.bind("certhub.config-dir", Path.class).orElse(null)).isNull();
        CerthubProperties unset = new CerthubProperties(
                null, "http://localhost", null, null, 1024, null, null, null, null, null, null, null);
        assertThat(unset.configFolder()).isEqualTo(Path.of("config"));
        CerthubProperties set = new CerthubProperties(
                null,
                "http://localhost",
                null,
                null,
                1024,
                null,
                null,
                null,
                Path.of("/etc/certhub"),
                null,
                null,
                null);
        assertThat(set.configFolder()).isEqualTo(Path.of("/etc/certhub"));
    }

    @Test
    void eachRecordHasItsDefaultsWhenNoKeyIsSet() {
        Binder binder = empty();

        assertThat(binder.bindOrCreate("certhub.requeue", RequeueProperties.class))
                .isEqualTo(new RequeueProperties(Duration.ofMinutes(5), Duration.ofMinutes(1)));
        assertThat(binder.bindOrCreate("certhub.audit", AuditProperties.class))
                .isEqualTo(new AuditProperties(Duration.ofMinutes(1), 100));
        assertThat(binder.bindOrCreate("certhub.dead-letters", DeadLetterProperties.class))
                .isEqualTo(new DeadLetterProperties("certhub-dead-letter-replay", Duration.ofSeconds(2), 10000));
        assertThat(binder.bindOrCreate("certhub.divoc", DivocProperties.class).maxCorrections())
                .isEqualTo(3);
        IngestProperties ingest = binder.bindOrCreate("certhub.ingest", IngestProperties.class);
        assertThat(ingest.kafka()).isEqualTo(new IngestProperties.Kafka(false, "certhub.ingest", "certhub-ingest"));
        assertThat(ingest.bulk()).isEqualTo(new IngestProperties.Bulk(1L << 30, 1000));
        assertThat(binder.bindOrCreate("certhub.channels.email", EmailChannelProperties.class))
                .isEqualTo(new EmailChannelProperties(true, false));
        FhirProperties fhir = binder.bindOrCreate("certhub.fhir", FhirProperties.class);
        assertThat(fhir.validation()).isEqualTo(FhirIngestionSettings.ValidationLevel.STRUCTURE);
        assertThat(fhir.defaultProgramme()).isEqualTo("covid-19");
        assertThat(fhir.profilesDir()).isNull();
        FhirServerProperties fhirServer = binder.bindOrCreate("certhub.ingest.fhir-server", FhirServerProperties.class);
        assertThat(fhirServer.period()).isEqualTo(Duration.ofMinutes(5));
        assertThat(fhirServer.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fhirServer.retryDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(binder.bindOrCreate("certhub.connectors.payment", PaymentConnectorProperties.class)
                        .reconcileInterval())
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theCertifyStageAndTheChannelsShareOneCircuitBreakerRecord() throws IOException {
        CircuitBreakerProperties defaults = new CircuitBreakerProperties(50, 10, 20, Duration.ofSeconds(30));
        assertThat(empty().bindOrCreate("certhub.channels", ChannelsProperties.class)
                        .circuitBreaker())
                .isEqualTo(defaults);
        assertThat(empty().bindOrCreate("certhub.certify", CertifyProperties.class)
                        .circuitBreaker())
                .isEqualTo(defaults);

        Binder binder = binder(Map.of("CERTHUB_CIRCUIT_WAIT_IN_OPEN", "PT1M", "CERTHUB_CERTIFY_CIRCUIT_WINDOW", "40"));
        assertThat(binder.bindOrCreate("certhub.channels", ChannelsProperties.class)
                        .circuitBreaker())
                .isEqualTo(new CircuitBreakerProperties(50, 10, 20, Duration.ofMinutes(1)));
        assertThat(binder.bindOrCreate("certhub.certify", CertifyProperties.class)
                        .circuitBreaker())
                .isEqualTo(new CircuitBreakerProperties(50, 10, 40, Duration.ofSeconds(30)));
    }

    @Test
    void aDurationThatIsNotPositiveIsRefused() {
        assertThat(VALIDATOR.validate(new RequeueProperties(Duration.ZERO, Duration.ofMinutes(1))))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("after");
        assertThat(VALIDATOR.validate(new AuditProperties(Duration.ZERO, 100))).hasSize(1);
        Set<ConstraintViolation<CircuitBreakerProperties>> breaker =
                VALIDATOR.validate(new CircuitBreakerProperties(50, 10, 20, Duration.ofSeconds(-1)));
        assertThat(breaker).hasSize(1);
        assertThat(VALIDATOR.validate(new RequeueProperties(Duration.ofSeconds(1), Duration.ofMillis(1))))
                .isEmpty();
    }
}

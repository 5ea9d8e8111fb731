package org.certhub.routes;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub with its outside sources switched on: a real in-JVM Kafka broker (KRaft) for the ingest topic, and a
 * FHIR server stand-in (WireMock) for the poller. Subclasses share one application context.
 */
public abstract class ExternalSourcesTestSupport extends HubTestSupport {

    protected static final String INGEST_TOPIC = "certhub.ingest";
    protected static final String FHIR_TOKEN = "test-fhir-server-token";
    protected static final EmbeddedKafkaKraftBroker KAFKA = startKafka();
    protected static final WireMockServer FHIR_SERVER = startFhirServer();

    /** The database and broker files of this context: two hubs in one JVM must not share them (they lock them). */
    private static final Path OWN_DATA_DIR = createOwnDataDir();

    @DynamicPropertySource
    static void sourceProperties(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + OWN_DATA_DIR.resolve("db/certhub")
                        + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE");
        registry.add(
                "spring.artemis.embedded.data-directory",
                () -> OWN_DATA_DIR.resolve("artemis").toString());
        registry.add("camel.component.kafka.brokers", KAFKA::getBrokersAsString);
        registry.add("camel.component.kafka.auto-offset-reset", () -> "earliest");
        registry.add("certhub.ingest.kafka.enabled", () -> true);
        registry.add("certhub.ingest.fhir-server.enabled", () -> true);
        registry.add("certhub.ingest.fhir-server.base-url", () -> FHIR_SERVER.baseUrl() + "/fhir");
        registry.add("certhub.ingest.fhir-server.bearer-token", () -> FHIR_TOKEN);
        registry.add("certhub.ingest.fhir-server.period", () -> "PT0.3S");
        registry.add("certhub.ingest.fhir-server.retry-delay", () -> "PT0.05S");
        registry.add("certhub.ingest.fhir-server.page-size", () -> 2);
    }

    private static EmbeddedKafkaKraftBroker startKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, INGEST_TOPIC, INGEST_TOPIC + ".dlq");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return broker;
    }

    private static Path createOwnDataDir() {
        try {
            return Files.createTempDirectory("certhub-it-sources-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WireMockServer startFhirServer() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        // until a test stubs its searches, the server has no Immunization to offer
        server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/fhir/Immunization"))
                .atPriority(10)
                .willReturn(WireMock.okForContentType(
                        "application/fhir+json", "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}

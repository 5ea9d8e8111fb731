package org.certhub.routes.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.certhub.routes.CerthubApplication;
import org.certhub.testsupport.KafkaServer;
import org.certhub.testsupport.PostgresServer;
import org.certhub.testsupport.TestKeystore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code certhub.roles} decides which routes a scale-out node runs: an ingest/api node takes records over HTTP
 * and answers the citizen API but certifies nothing; a certify/distribute node consumes the queues but offers no
 * ingest endpoint. Each node is a whole application context on the scale-out profile (PostgreSQL, Kafka).
 */
class ScaleOutRolesIT {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    static final KafkaServer KAFKA = new KafkaServer();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    static Path dataDir;

    /** The nodes' shared keystore, made by the test: the scale-out mode never makes keys. */
    private static final Path KEYS = TestKeystore.create();

    @Test
    void anIngestAndApiNodeRunsNoStageOfTheQueues() throws IOException {
        try (ConfigurableApplicationContext node = start("ingest,api")) {
            Set<String> routes = routeIds(node);
            assertThat(routes)
                    .contains(
                            "ingest-fhir",
                            "ingest-fhir-immunization",
                            "queue-for-certification",
                            "requeue-waiting-events",
                            "read-event",
                            "verify-credential");
            assertThat(routes).doesNotContain("certify-event", "distribute-certificate", "deliver-email");
        }
    }

    @Test
    void aCertifyAndDistributeNodeRunsNoIngestEndpoint() throws IOException {
        try (ConfigurableApplicationContext node = start("certify,distribute")) {
            Set<String> routes = routeIds(node);
            assertThat(routes).contains("certify-event", "distribute-certificate", "deliver-email");
            assertThat(routes)
                    .doesNotContain("ingest-fhir", "ingest-fhir-immunization", "requeue-waiting-events", "read-event");
        }
    }

    private static ConfigurableApplicationContext start(String roles) throws IOException {
        Path nodeDir = Files.createDirectories(dataDir.resolve(roles.replace(',', '-')));
        return new SpringApplicationBuilder(CerthubApplication.class)
                .profiles("scale-out")
                .run(
                        "--certhub.roles=" + roles,
                        "--server.port=0",
                        "--certhub.data-dir=" + nodeDir,
                        "--certhub.keys.dir=" + KEYS,
                        "--spring.datasource.url=" + POSTGRES.jdbcUrl(),
                        "--spring.datasource.username=" + POSTGRES.username(),
                        "--spring.datasource.password=" + POSTGRES.password(),
                        "--camel.component.kafka.brokers=" + KAFKA.brokers(),
                        "--certhub.mail.host=localhost",
                        "--certhub.mail.port=" + MAIL.getSmtp().getPort(),
                        "--certhub.mail.security=none",
                        "--camel.main.shutdown-timeout=2");
    }

    private static Set<String> routeIds(ConfigurableApplicationContext node) {
        return node.getBean(CamelContext.class).getRoutes().stream()
                .map(Route::getRouteId)
                .collect(Collectors.toSet());
    }
}

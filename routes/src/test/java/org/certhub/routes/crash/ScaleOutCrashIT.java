package org.certhub.routes.crash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.certhub.testsupport.KafkaServer;
import org.certhub.testsupport.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crash safety in the scale-out mode: the hub process on PostgreSQL and the KRaft Kafka broker, both running in
 * the test JVM (so they survive the hub's SIGKILL, as they would on their own machines).
 */
class ScaleOutCrashIT extends HubCrashSupport {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    static final KafkaServer KAFKA = new KafkaServer();

    private String database;

    @Override
    protected Map<String, String> modeProperties(Path dataDir) {
        database = POSTGRES.createDatabase();
        return Map.of(
                "spring.profiles.active", "scale-out",
                "spring.datasource.url", database,
                "spring.datasource.username", POSTGRES.username(),
                "spring.datasource.password", POSTGRES.password(),
                "camel.component.kafka.brokers", KAFKA.brokers());
    }

    @Override
    protected Connection openDatabase(Path dataDir) throws SQLException {
        return DriverManager.getConnection(database, POSTGRES.username(), POSTGRES.password());
    }

    @Override
    protected String mode() {
        return "scale-out";
    }
}

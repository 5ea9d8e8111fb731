package org.certhub.routes.scaleout;

import java.nio.file.Path;
import org.certhub.testsupport.KafkaServer;
import org.certhub.testsupport.PostgresServer;
import org.certhub.testsupport.TestKeystore;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The properties that point a scale-out hub under test at its class's PostgreSQL and Kafka servers, and at a
 * keystore the test made (the scale-out mode never makes keys).
 */
final class ScaleOutProperties {

    private ScaleOutProperties() {}

    static void register(DynamicPropertyRegistry registry, PostgresServer postgres, KafkaServer kafka) {
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("camel.component.kafka.brokers", kafka::brokers);
        Path keys = TestKeystore.create();
        registry.add("certhub.keys.dir", keys::toString);
    }
}

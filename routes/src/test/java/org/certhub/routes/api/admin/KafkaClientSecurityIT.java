package org.certhub.routes.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.certhub.routes.HubTestSupport;
import org.certhub.routes.OwnStorage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Kafka client security variables reach every Kafka client the hub makes: the stages' consumers and producers
 * (the component's and a queue endpoint's settings), and the dead-letter replay's own consumer.
 */
class KafkaClientSecurityIT extends HubTestSupport {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"certhub\" password=\"broker-secret\";";
    private static final Map<String, String> EXPECTED = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.location", "/etc/certhub/kafka-truststore.p12",
            "ssl.truststore.password", "trust-secret",
            "ssl.keystore.location", "/etc/certhub/kafka-client.p12",
            "ssl.keystore.password", "key-secret");

    @Autowired
    private CamelContext camel;

    @Autowired
    private KafkaDeadLetters deadLetters;

    @DynamicPropertySource
    static void kafkaSecurity(DynamicPropertyRegistry registry) {
        OwnStorage.register(registry, "kafka-security");
        registry.add("CERTHUB_KAFKA_SECURITY_PROTOCOL", () -> "SASL_SSL");
        registry.add("CERTHUB_KAFKA_SASL_MECHANISM", () -> "SCRAM-SHA-512");
        registry.add("CERTHUB_KAFKA_SASL_JAAS_CONFIG", () -> JAAS);
        registry.add("CERTHUB_KAFKA_SSL_TRUSTSTORE_LOCATION", () -> "/etc/certhub/kafka-truststore.p12");
        registry.add("CERTHUB_KAFKA_SSL_TRUSTSTORE_PASSWORD", () -> "trust-secret");
        registry.add("CERTHUB_KAFKA_SSL_KEYSTORE_LOCATION", () -> "/etc/certhub/kafka-client.p12");
        registry.add("CERTHUB_KAFKA_SSL_KEYSTORE_PASSWORD", () -> "key-secret");
    }

    @Test
    void everyKafkaClientGetsTheConfiguredTlsAndSaslSettings() {
        KafkaComponent component = camel.getComponent("kafka", KafkaComponent.class);
        KafkaEndpoint stage = camel.getEndpoint("kafka:certhub.certify?groupId=certhub-certify", KafkaEndpoint.class);

        List<Properties> clients = List.of(
                component.getConfiguration().createConsumerProperties(),
                component.getConfiguration().createProducerProperties(),
                stage.getConfiguration().createConsumerProperties(),
                stage.getConfiguration().createProducerProperties(),
                deadLetters.settings());
        for (Properties client : clients) {
            EXPECTED.forEach((name, value) ->
                    assertThat(client.getProperty(name)).as(name).isEqualTo(value));
        }
    }
}

package org.certhub.bench;

import java.util.concurrent.CountDownLatch;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft Kafka broker on a free loopback port, for benchmark runs of the scale-out mode on one machine
 * (there is no Debian package of a Kafka broker). It creates certhub's topics with the given number of partitions,
 * prints {@code kafka broker ready at <bootstrap address>} and runs until the process is stopped. (The KRaft test
 * kit picks its own port, so the address is printed rather than chosen.)
 *
 * <pre>java -cp bench/target/certhub-bench.jar org.certhub.bench.KafkaBroker 6</pre>
 */
public final class KafkaBroker {

    private static final String[] TOPICS = {
        "certhub.ingest", "certhub.ingest.dlq",
        "certhub.certify", "certhub.certify.dlq",
        "certhub.certificate.issued", "certhub.certificate.issued.dlq",
        "certhub.deliver.email", "certhub.deliver.email.dlq",
    };

    private KafkaBroker() {}

    public static void main(String[] args) throws InterruptedException {
        int partitions = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, TOPICS);
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-broker-shutdown"));
        System.out.println("kafka broker ready at " + broker.getBrokersAsString());
        new CountDownLatch(1).await();
    }
}

package io.tickforge.broker;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** Runs the Kafka contract against Testcontainers' {@code apache/kafka} 4.1.2; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersKafkaContractIT extends KafkaClusterContract {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    TestcontainersKafkaContractIT() {
        super(KAFKA.getBootstrapServers());
    }
}

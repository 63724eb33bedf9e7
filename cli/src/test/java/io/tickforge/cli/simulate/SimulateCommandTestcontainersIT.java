package io.tickforge.cli.simulate;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** Runs the {@code simulate} contract against Testcontainers' {@code apache/kafka} 4.1.2; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class SimulateCommandTestcontainersIT extends SimulateCommandContract {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    SimulateCommandTestcontainersIT() {
        super(KAFKA.getBootstrapServers());
    }
}

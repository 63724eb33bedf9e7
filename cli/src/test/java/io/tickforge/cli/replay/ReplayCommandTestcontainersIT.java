package io.tickforge.cli.replay;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** Runs the {@code replay} contract against Testcontainers' {@code apache/kafka} 4.1.2; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class ReplayCommandTestcontainersIT extends ReplayCommandContract {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    ReplayCommandTestcontainersIT() {
        super(KAFKA.getBootstrapServers());
    }
}

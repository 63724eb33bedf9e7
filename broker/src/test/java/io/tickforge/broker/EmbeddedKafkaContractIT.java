package io.tickforge.broker;

import io.tickforge.broker.junit.EmbeddedKafkaExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Kafka contract against the in-process embedded broker: what CI exercises. */
@ExtendWith(EmbeddedKafkaExtension.class)
class EmbeddedKafkaContractIT extends KafkaClusterContract {
    private static String bootstrap;

    @BeforeAll
    static void broker(EmbeddedKafkaBroker broker) {
        bootstrap = broker.bootstrapServers();
    }

    @Override
    String bootstrapServers() {
        return bootstrap;
    }
}

package io.tickforge.broker;

import io.tickforge.broker.EmbeddedKafkaBroker;
import io.tickforge.broker.junit.EmbeddedKafkaExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the Kafka contract against the in-process embedded broker: what CI exercises. */
@ExtendWith(EmbeddedKafkaExtension.class)
class EmbeddedKafkaContractIT extends KafkaClusterContract {
    EmbeddedKafkaContractIT(EmbeddedKafkaBroker broker) {
        super(broker.bootstrapServers());
    }
}

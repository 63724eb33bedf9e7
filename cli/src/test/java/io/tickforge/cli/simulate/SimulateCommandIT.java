package io.tickforge.cli.simulate;

import io.tickforge.broker.EmbeddedKafkaBroker;
import io.tickforge.broker.junit.EmbeddedKafkaExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the {@code simulate} contract against the in-process embedded broker: what CI exercises. */
@ExtendWith(EmbeddedKafkaExtension.class)
class SimulateCommandIT extends SimulateCommandContract {
    SimulateCommandIT(EmbeddedKafkaBroker broker) {
        super(broker.bootstrapServers());
    }
}

package io.tickforge.cli.simulate;

import io.tickforge.broker.EmbeddedKafkaBroker;
import io.tickforge.broker.junit.EmbeddedKafkaExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code simulate} contract against the in-process embedded broker: what CI exercises. */
@ExtendWith(EmbeddedKafkaExtension.class)
class SimulateCommandIT extends SimulateCommandContract {
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

package io.tickforge.cli.replay;

import io.tickforge.broker.EmbeddedKafkaBroker;
import io.tickforge.broker.junit.EmbeddedKafkaExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code replay} contract against the in-process embedded broker: what CI exercises. */
@ExtendWith(EmbeddedKafkaExtension.class)
class ReplayCommandIT extends ReplayCommandContract {
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

package io.tickforge.cli.replay;

import io.tickforge.broker.EmbeddedKafkaBroker;
import io.tickforge.broker.junit.EmbeddedKafkaExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the {@code replay} contract against the in-process embedded broker: what CI exercises. */
@ExtendWith(EmbeddedKafkaExtension.class)
class ReplayCommandIT extends ReplayCommandContract {
    ReplayCommandIT(EmbeddedKafkaBroker broker) {
        super(broker.bootstrapServers());
    }
}

package io.tickforge.cli.options;

import io.tickforge.cli.kafka.KafkaConnection;
import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka flags every command that talks to Kafka shares: where the cluster is, and any client property passed
 * through as it is ({@code --kafka security.protocol=SASL_SSL --kafka sasl.mechanism=PLAIN ...}). Properties from
 * the config file ({@code kafka.<property>=value} lines) come first; {@code --kafka} flags override them.
 */
public final class KafkaOptions {
    @CommandLine.Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrap;

    @CommandLine.Option(names = "--kafka", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Any Kafka client property, passed through (repeatable), e.g. --kafka security.protocol=SSL.")
    Map<String, String> passthrough = new LinkedHashMap<>();

    /** Created by picocli as a mixin. */
    public KafkaOptions() {
        // fields are injected
    }

    /**
     * @param fromConfigFile {@code kafka.*} properties of the config file, prefix removed; flags win over them
     * @return the validated connection settings
     */
    public KafkaConnection connection(Map<String, String> fromConfigFile) {
        Map<String, String> merged = new LinkedHashMap<>(fromConfigFile);
        merged.putAll(passthrough);
        return new KafkaConnection(bootstrap, merged);
    }
}

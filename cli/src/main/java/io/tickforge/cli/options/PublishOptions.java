package io.tickforge.cli.options;

import io.tickforge.cli.kafka.KafkaConnection;
import io.tickforge.cli.kafka.Topics;
import io.tickforge.schemas.codec.WireFormat;
import picocli.CommandLine;

/**
 * The flags of every command that publishes records ({@code simulate}, {@code replay}): the wire format and the
 * partitions of a topic it creates, plus the step that turns them and the Kafka flags into a ready topic.
 */
public final class PublishOptions {
    @CommandLine.Option(names = "--partitions", defaultValue = "3",
            description = "Partitions of the topic if it has to be created (default: ${DEFAULT-VALUE}).")
    int partitions;

    @CommandLine.Option(names = "--format", defaultValue = "json",
            description = "Wire format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    WireFormat format;

    /** Created by picocli as a mixin. */
    public PublishOptions() {
        // fields are injected
    }

    /** @return the wire format to write */
    public WireFormat format() {
        return format;
    }

    /**
     * Validates the flags, builds the connection and makes sure the topic exists.
     *
     * @param cl     the command, for usage errors that name the flag
     * @param kafka  the command's Kafka flags
     * @param config the {@code --config} file
     * @param topic  the topic to publish to
     * @return the connection to publish with
     * @throws CommandLine.ParameterException naming the flag when a flag is bad (exit code 2)
     */
    public KafkaConnection connect(CommandLine cl, KafkaOptions kafka, ConfigFile config, String topic) {
        if (partitions < 1) {
            throw new CommandLine.ParameterException(cl, "--partitions must be >= 1, was " + partitions);
        }
        if (topic == null || topic.isBlank()) {
            throw new CommandLine.ParameterException(cl, "--topic must not be blank, was '" + topic + "'");
        }
        KafkaConnection connection;
        try {
            connection = kafka.connection(config.kafkaProperties());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage(), e);
        }
        Topics.ensure(connection, topic, partitions);
        return connection;
    }
}

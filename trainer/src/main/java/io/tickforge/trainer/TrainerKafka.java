package io.tickforge.trainer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * The Kafka clients the trainer needs, made by whoever holds the connection settings (the CLI builds every Kafka
 * {@code Properties} in one place). Tests replace it.
 */
public interface TrainerKafka {

    /**
     * @param topology the trainer's topology
     * @return a Kafka Streams instance for it, not started, with {@code processing.guarantee=exactly_once_v2}
     */
    KafkaStreams streams(Topology topology);

    /** @return a consumer of String keys and byte[] values for reading the model topic, no group; closed by the caller */
    Consumer<String, byte[]> modelReader();
}

package io.tickforge.producer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The Kafka clients the producer service needs, made by whoever holds the connection settings (the CLI builds every
 * Kafka {@code Properties} in one place). Each method is called at most once per service, from
 * {@link ProducerService#start()}; the service closes what it gets. Tests pass a {@code MockProducer} and a
 * {@code MockConsumer}.
 */
public interface ProducerKafka {

    /** @return the producer of synthetic records: String keys, byte[] values; idempotent with {@code acks=all} */
    Producer<String, byte[]> producer();

    /**
     * @return a consumer of the model topic: String keys, byte[] values, no group (partitions are assigned by hand);
     *     not called when {@code models.follow} is false
     */
    Consumer<String, byte[]> modelConsumer();
}

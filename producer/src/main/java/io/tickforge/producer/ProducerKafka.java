package io.tickforge.producer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

import java.util.Objects;
import java.util.function.Supplier;

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

    /**
     * The clients from a producer the caller made and a factory of model-topic consumers, called only when the
     * service asks for one.
     *
     * @param producer the producer of synthetic records
     * @param modelConsumer makes the model-topic consumer
     * @return the clients
     */
    static ProducerKafka of(Producer<String, byte[]> producer, Supplier<? extends Consumer<String, byte[]>> modelConsumer) {
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(modelConsumer, "modelConsumer");
        return new ProducerKafka() {
            @Override
            public Producer<String, byte[]> producer() {
                return producer;
            }

            @Override
            public Consumer<String, byte[]> modelConsumer() {
                return modelConsumer.get();
            }
        };
    }
}

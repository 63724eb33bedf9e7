package io.tickforge.producer.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;

/**
 * A one-partition model topic on a {@link MockConsumer}: records published here reach the consumer one per poll,
 * in order, and the end offset moves with each publish (so "read to the end" means what it means on a broker).
 * Thread-safe: tests publish while a service's thread polls.
 */
public final class ModelTopic {
    /** The model topic's name. */
    public static final String TOPIC = "tickforge.models";
    /** Its only partition. */
    public static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    private long next;

    /** Creates the topic (one partition, empty). */
    public ModelTopic() {
        this(true);
    }

    /** @param exists whether the topic exists yet (see {@link #create()}) */
    public ModelTopic(boolean exists) {
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.updateEndOffsets(Map.of(P0, 0L));
        if (exists) {
            create();
        }
    }

    /** Creates the topic's partition. */
    public void create() {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, new Node[] {node},
                new Node[] {node})));
    }

    /** @return the consumer */
    public MockConsumer<String, byte[]> consumer() {
        return consumer;
    }

    /**
     * Publishes a record: the end offset moves now, the consumer sees it at a coming poll.
     *
     * @param key   the model name
     * @param value the checkpoint bytes, or null for a tombstone
     */
    public synchronized void publish(String key, byte[] value) {
        long offset = next++;
        consumer.updateEndOffsets(Map.of(P0, offset + 1));
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, key, value)));
    }
}

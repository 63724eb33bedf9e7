package io.tickforge.trainer.publish;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads the compacted model topic from its beginning to its current end and keeps the latest record per model name:
 * what a service needs on start to continue from the current models. A null value (a tombstone) deletes its model.
 * The consumer is assigned every partition by hand (no group, no committed offsets) and is not closed here.
 */
public final class ModelTopicReader {
    private static final Logger LOG = LoggerFactory.getLogger(ModelTopicReader.class);

    private final Consumer<String, byte[]> consumer;
    private final Clock clock;

    /**
     * @param consumer a consumer of String keys and byte[] values, not subscribed or assigned
     * @param clock    measures the timeout
     */
    public ModelTopicReader(Consumer<String, byte[]> consumer, Clock clock) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param topic   the model topic
     * @param timeout how long to try
     * @return the latest record per model name (key), in name order; empty when the topic does not exist or is
     *     empty; records with a null key are skipped
     * @throws TimeoutException when the end is not reached in time
     */
    public Map<String, ConsumerRecord<String, byte[]>> readLatest(String topic, Duration timeout) {
        long deadline = clock.millis() + timeout.toMillis();
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
        Map<String, ConsumerRecord<String, byte[]>> latest = new TreeMap<>();
        if (partitions == null || partitions.isEmpty()) {
            return latest;
        }
        List<TopicPartition> assigned = new ArrayList<>();
        for (PartitionInfo p : partitions) {
            assigned.add(new TopicPartition(topic, p.partition()));
        }
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
        long records = 0;
        while (!reachedEnd(assigned, end)) {
            if (clock.millis() > deadline) {
                throw new TimeoutException("reading model topic " + topic + " did not reach its end " + end
                        + " within " + timeout);
            }
            ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
            for (ConsumerRecord<String, byte[]> r : batch) {
                records++;
                if (r.key() == null) {
                    LOG.warn("model record without a key skipped topic={} partition={} offset={}", topic,
                            r.partition(), r.offset());
                } else if (r.value() == null) {
                    latest.remove(r.key());
                } else {
                    latest.put(r.key(), r);
                }
            }
        }
        consumer.assign(Collections.emptyList());
        LOG.info("model topic read topic={} records={} models={}", topic, records, latest.size());
        return latest;
    }

    private boolean reachedEnd(List<TopicPartition> assigned, Map<TopicPartition, Long> end) {
        for (TopicPartition tp : assigned) {
            if (consumer.position(tp) < end.getOrDefault(tp, 0L)) {
                return false;
            }
        }
        return true;
    }
}

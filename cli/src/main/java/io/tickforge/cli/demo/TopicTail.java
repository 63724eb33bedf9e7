package io.tickforge.cli.demo;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a topic back from its beginning on a thread of its own, as a user's consumer would, and hands the first
 * {@code show} records to a listener; after that it only counts. The demo uses it to print the first synthetic
 * records as they arrive, which proves the whole pipeline end to end.
 */
final class TopicTail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration POLL = Duration.ofMillis(500);

    /** Told about each of the first records. */
    @FunctionalInterface
    interface Listener {
        /**
         * @param index  the record's index among those read, from 0
         * @param record the record
         */
        void onRecord(long index, ConsumerRecord<String, byte[]> record);
    }

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final int show;
    private final Listener listener;
    private final AtomicLong read = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean started;

    /**
     * @param consumer a consumer without a group (the tail assigns partitions itself), owned
     * @param topic    the topic to read
     * @param show     how many records to hand to the listener
     * @param listener told about the first {@code show} records, on the tail's thread
     */
    TopicTail(Consumer<String, byte[]> consumer, String topic, int show, Listener listener) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.show = show;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.thread = new Thread(this::run, "tickforge-demo-tail");
        this.thread.setDaemon(true);
    }

    /** Starts reading. */
    void start() {
        started = true;
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            while (running && partitions.isEmpty()) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                        long i = read.getAndIncrement();
                        if (i < show) {
                            listener.onRecord(i, r);
                        }
                    }
                } catch (WakeupException e) {
                    // close() wakes the poll up
                } catch (KafkaException e) {
                    if (running) {
                        LOG.warn("reading back failed; retrying topic={} error={}", topic, e.toString());
                    }
                }
            }
        } catch (WakeupException e) {
            // closed while looking up the partitions
        } catch (RuntimeException e) {
            LOG.warn("reading back stopped topic={} error={}", topic, e.toString());
        } finally {
            consumer.close();
        }
    }

    /** @return records read back so far */
    long read() {
        return read.get();
    }

    /** Stops reading and closes the consumer. */
    @Override
    public void close() {
        running = false;
        if (!started) {
            consumer.close();
            return;
        }
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

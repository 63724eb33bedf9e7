package io.tickforge.producer.follow;

import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.producer.synth.ServedModel;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows the compacted model topic from its beginning, for as long as it runs, and keeps the latest valid checkpoint
 * of each served model name on a {@link ModelBoard}. Every partition is assigned by hand (no consumer group, no
 * committed offsets: every start reads the whole topic again, which compaction keeps small), and the topic's
 * partitions are looked up again every {@link #PARTITION_REFRESH} (or every poll while the topic does not exist),
 * so a topic created or grown later is picked up.
 *
 * <p>A record is served when its key is in {@code models.names} (all when empty) or is already served (e.g. from a
 * model file). An unusable record (no key, corrupt bytes, unknown feature transform, incompatible, not newer than
 * the served version, key not matching the checkpoint) is rejected: counted by reason in
 * {@code tickforge.producer.models.rejected}, logged, and the model already served keeps serving. A tombstone
 * (null value) stops serving its name.
 *
 * <p>{@link #caughtUp()} turns true once the topic has been read up to the end offsets seen when it was first
 * assigned, so the publisher can start with the complete set of current models (the same models, the same
 * records). Confined to one thread, apart from {@link #wakeup()}; the consumer is not closed here.
 */
public final class ModelFollower {
    private static final Logger LOG = LoggerFactory.getLogger(ModelFollower.class);

    /** How often the topic's partitions are looked up again once it exists. */
    public static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);

    private static final long IDLE_WAIT_MS = 200;
    private static final long EMPTY_POLL_WAIT_MS = 20;

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final ModelsConfig config;
    private final ModelLoader loader;
    private final ModelBoard board;
    private final ProducerMetrics metrics;
    private final Clock clock;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private Map<TopicPartition, Long> initialEnd;
    private long nextPartitionLookup = Long.MIN_VALUE;
    private volatile boolean caughtUp;

    /**
     * @param consumer a consumer of String keys and byte[] values, not subscribed or assigned; not closed here
     * @param topic    the model topic
     * @param config   which names to serve
     * @param loader   decodes and checks checkpoints
     * @param board    where accepted models go
     * @param metrics  counts rejections and sets the model gauges
     * @param clock    the wall clock, for partition look-ups
     */
    public ModelFollower(Consumer<String, byte[]> consumer, String topic, ModelsConfig config, ModelLoader loader,
                         ModelBoard board, ProducerMetrics metrics, Clock clock) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.config = Objects.requireNonNull(config, "config");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.board = Objects.requireNonNull(board, "board");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Looks up partitions when due, then polls once and handles what came.
     *
     * @param timeout the longest the poll (or, without partitions, the wait) takes
     * @throws org.apache.kafka.common.errors.WakeupException after {@link #wakeup()}
     * @throws InterruptedException when interrupted while waiting for the topic to exist
     */
    public void pollOnce(Duration timeout) throws InterruptedException {
        long now = clock.millis();
        if (now >= nextPartitionLookup) {
            lookUpPartitions(timeout);
            nextPartitionLookup = assigned.isEmpty() ? now : now + PARTITION_REFRESH.toMillis();
        }
        if (assigned.isEmpty()) {
            if (!caughtUp) {
                caughtUp = true;
                LOG.info("model topic not found, waiting for it topic={}", topic);
            }
            Thread.sleep(Math.min(IDLE_WAIT_MS, Math.max(1, timeout.toMillis())));
            return;
        }
        if (!caughtUp && initialEnd == null) {
            try {
                initialEnd = consumer.endOffsets(assigned, timeout);
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.debug("end offsets of the model topic not available yet topic={} error={}", topic, e.toString());
            }
        }
        long polledAt = System.nanoTime();
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        if (records.isEmpty() && System.nanoTime() - polledAt < 1_000_000L) {
            // a consumer that answers an empty poll at once (a mock, or one just woken) must not spin
            Thread.sleep(Math.min(EMPTY_POLL_WAIT_MS, Math.max(1, timeout.toMillis())));
        }
        for (ConsumerRecord<String, byte[]> r : records) {
            handle(r);
        }
        if (!caughtUp && initialEnd != null && reached(initialEnd)) {
            caughtUp = true;
            LOG.info("model topic read to its end topic={} models={} accepted={} rejected={}", topic,
                    board.versions(), accepted.get(), rejected.get());
        }
    }

    private void lookUpPartitions(Duration timeout) {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(topic, timeout);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("model topic partitions not available topic={} error={}", topic, e.toString());
            return;
        }
        if (partitions == null) {
            return;
        }
        List<TopicPartition> added = new ArrayList<>();
        for (PartitionInfo p : partitions) {
            TopicPartition tp = new TopicPartition(topic, p.partition());
            if (!assigned.contains(tp)) {
                added.add(tp);
            }
        }
        if (!added.isEmpty()) {
            assigned.addAll(added);
            consumer.assign(new ArrayList<>(assigned));
            consumer.seekToBeginning(added);
            LOG.info("model topic assigned topic={} partitions={} added={}", topic, assigned.size(), added.size());
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (TopicPartition tp : assigned) {
            Long e = end.get(tp);
            if (e != null && consumer.position(tp) < e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Handles one model-topic record.
     *
     * @param r the record
     */
    void handle(ConsumerRecord<String, byte[]> r) {
        String key = r.key();
        if (key == null) {
            reject(RejectReason.NO_KEY, null, r, "the record has no key (model name)");
            return;
        }
        if (!config.serves(key) && !board.models().containsKey(key)) {
            LOG.debug("model not served, skipped model={} partition={} offset={}", key, r.partition(), r.offset());
            return;
        }
        if (r.value() == null) {
            if (board.remove(key)) {
                metrics.modelRemoved(key);
                LOG.warn("model deleted from the model topic, no longer served model={} partition={} offset={}", key,
                        r.partition(), r.offset());
            }
            return;
        }
        try {
            ServedModel model = loader.load(key, r.value());
            long replaced = board.offer(model);
            metrics.modelServed(model.name(), model.version(), model.createdAt());
            accepted.incrementAndGet();
            LOG.info("model accepted model={} version={} replaced={} createdAt={} transform={} barIntervalMs={}"
                            + " partition={} offset={}", model.name(), model.version(), replaced, model.createdAt(),
                    model.transform().wireName(), model.intervalMs(), r.partition(), r.offset());
        } catch (ModelRejectedException e) {
            reject(e.reason(), key, r, e.getMessage());
        } catch (RuntimeException e) {
            reject(RejectReason.CORRUPT, key, r, e.toString());
        }
    }

    private void reject(RejectReason reason, String key, ConsumerRecord<String, byte[]> r, String message) {
        rejected.incrementAndGet();
        metrics.modelRejected(reason.tag());
        Long serving = key == null ? null : board.versions().get(key);
        LOG.warn("model rejected model={} reason={} partition={} offset={} serving={} error={}", key, reason.tag(),
                r.partition(), r.offset(), serving, message);
    }

    /** @return whether the topic has been read up to the end it had when first assigned (or does not exist) */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** @return records rejected so far */
    public long rejected() {
        return rejected.get();
    }

    /** @return checkpoints accepted so far */
    public long accepted() {
        return accepted.get();
    }

    /** Makes a blocked or the next {@link #pollOnce} throw a {@code WakeupException}; callable from any thread. */
    public void wakeup() {
        consumer.wakeup();
    }
}

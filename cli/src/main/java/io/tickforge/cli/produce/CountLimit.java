package io.tickforge.cli.produce;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.KafkaMetric;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --count N} at the producer seam: passes the first {@code limit} records on to Kafka and holds back every
 * later one, so that exactly {@code limit} records reach the topic however fast the service generates. The producer
 * service has no record limit of its own; a held-back record is never sent and never answered, so the service's
 * in-flight bound pauses its generation (at most {@code --max-in-flight} records later) until the command, woken by
 * {@link #awaitLimit}, closes it.
 */
final class CountLimit implements Producer<String, byte[]> {
    private final Producer<String, byte[]> delegate;
    private final long limit;
    private final AtomicLong calls = new AtomicLong();
    private final CountDownLatch reached = new CountDownLatch(1);

    /**
     * @param delegate the Kafka producer, owned
     * @param limit    how many records to send, &gt;= 1
     */
    CountLimit(Producer<String, byte[]> delegate, long limit) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (limit < 1) {
            throw new IllegalArgumentException("--count must be >= 1, was " + limit);
        }
        this.limit = limit;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return send(record, null);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        long n = calls.incrementAndGet();
        if (n > limit) {
            return new CompletableFuture<>();
        }
        try {
            return delegate.send(record, callback);
        } finally {
            if (n == limit) {
                reached.countDown();
            }
        }
    }

    /**
     * @param timeout the longest to wait
     * @return whether the limit's last record has been handed to Kafka
     * @throws InterruptedException when interrupted
     */
    boolean awaitLimit(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void initTransactions() {
        delegate.initTransactions();
    }

    @Override
    public void beginTransaction() {
        delegate.beginTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                         ConsumerGroupMetadata groupMetadata) {
        delegate.sendOffsetsToTransaction(offsets, groupMetadata);
    }

    @Override
    public void commitTransaction() {
        delegate.commitTransaction();
    }

    @Override
    public void abortTransaction() {
        delegate.abortTransaction();
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
        delegate.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
        delegate.unregisterMetricFromSubscription(metric);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return delegate.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return delegate.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return delegate.clientInstanceId(timeout);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void close(Duration timeout) {
        delegate.close(timeout);
    }
}

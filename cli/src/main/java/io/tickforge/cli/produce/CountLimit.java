package io.tickforge.cli.produce;

import io.tickforge.cli.kafka.ForwardingProducer;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
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
final class CountLimit extends ForwardingProducer<String, byte[]> {
    private final long limit;
    private final AtomicLong calls = new AtomicLong();
    private final CountDownLatch reached = new CountDownLatch(1);

    /**
     * @param delegate the Kafka producer, owned
     * @param limit    how many records to send, &gt;= 1
     */
    CountLimit(Producer<String, byte[]> delegate, long limit) {
        super(delegate);
        if (limit < 1) {
            throw new IllegalArgumentException("--count must be >= 1, was " + limit);
        }
        this.limit = limit;
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
}

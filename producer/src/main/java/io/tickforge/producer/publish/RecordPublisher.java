package io.tickforge.producer.publish;

import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.producer.rate.Ticker;
import io.tickforge.producer.synth.SyntheticRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Hands synthetic records to one topic through an injected Kafka {@link Producer} and accounts for every one:
 * acknowledged or failed, never silently dropped. A failed send (in the callback, or thrown by {@code send}
 * itself) is counted by exception class in {@code tickforge.producer.send.errors} and logged: the first
 * {@value #FULL_LOGS} in full, then one in {@value #LOG_EVERY}, so a dead broker does not flood the log. Records
 * keep going: the stream's sequence header shows the gap to consumers.
 *
 * <p>Memory is bounded: at most {@code maxInFlight} records are handed over and not yet answered; {@link #send}
 * blocks for a permit (in slices, so a stop is seen), which stops generation while the broker is slow. The publish
 * delay (send call time minus intended time) is measured after the permit is taken, so time spent blocked counts;
 * records without an intended time ({@link #UNSCHEDULED}) have none.
 *
 * <p>One sending thread; callbacks run on the producer's I/O thread.
 */
public final class RecordPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(RecordPublisher.class);

    /** Failures logged in full before logging turns to one in {@link #LOG_EVERY}. */
    public static final int FULL_LOGS = 10;
    /** After the first failures, one in this many is logged. */
    public static final int LOG_EVERY = 1_000;

    /**
     * The {@code dueNanos} of a record that has no intended send time (max pace at rate {@code max}: no schedule and
     * no event-time release); its publish delay is not recorded.
     */
    public static final long UNSCHEDULED = Long.MIN_VALUE;

    private static final long PERMIT_WAIT_MS = 50;

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Semaphore permits;
    private final int maxInFlight;
    private final ProducerMetrics metrics;
    private final Ticker ticker;
    private final LongAdder handedOver = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, LongAdder> failuresByError = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param producer    the Kafka producer (closed by {@link #close})
     * @param topic       the topic to send to
     * @param maxInFlight the most records handed over and not yet answered
     * @param metrics     the meters
     * @param ticker      the clock for delays and latencies
     */
    public RecordPublisher(Producer<String, byte[]> producer, String topic, int maxInFlight, ProducerMetrics metrics,
                           Ticker ticker) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /**
     * Hands one record to the producer once fewer than {@code maxInFlight} are in flight; its outcome is counted
     * when the broker answers.
     *
     * @param record   the record
     * @param dueNanos its intended send time, ticker nanoseconds (for the publish delay), or {@link #UNSCHEDULED}
     * @param running  checked while waiting for a permit; the wait ends when it turns false
     * @return true when handed over, false when stopped while waiting (the record was not sent)
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean send(SyntheticRecord record, long dueNanos, BooleanSupplier running) throws InterruptedException {
        while (!permits.tryAcquire(PERMIT_WAIT_MS, TimeUnit.MILLISECONDS)) {
            if (!running.getAsBoolean()) {
                return false;
            }
        }
        long now = ticker.nanoTime();
        if (dueNanos != UNSCHEDULED) {
            metrics.publishDelay(now - dueNanos);
        }
        metrics.handedOver(record.timestamp());
        handedOver.increment();
        Outcome outcome = new Outcome(record, now);
        try {
            producer.send(new ProducerRecord<>(topic, null, record.timestamp(), record.key(), record.value(),
                    record.headers()), outcome);
        } catch (RuntimeException e) {
            outcome.onCompletion(null, e);
        }
        return true;
    }

    private void failed(SyntheticRecord record, Exception error, long latencyNanos) {
        failed.increment();
        String errorClass = error.getClass().getSimpleName();
        failuresByError.computeIfAbsent(errorClass, k -> new LongAdder()).increment();
        metrics.sendFailed(errorClass, latencyNanos);
        long n = failed.sum();
        if (n <= FULL_LOGS) {
            LOG.warn("send failed topic={} key={} seq={} model={} version={} error={}", topic, record.key(),
                    record.seq(), record.model(), record.version(), error.toString());
        } else if (n % LOG_EVERY == 0) {
            LOG.warn("send failed topic={} failedSoFar={} byError={} lastError={}", topic, n, failuresByError(),
                    error.toString());
        }
    }

    /** @return records handed to the producer so far */
    public long handedOver() {
        return handedOver.sum();
    }

    /** @return records acknowledged so far */
    public long acknowledged() {
        return acknowledged.sum();
    }

    /** @return records whose send failed so far */
    public long failed() {
        return failed.sum();
    }

    /** @return records handed over and not yet answered */
    public int inFlight() {
        return maxInFlight - permits.availablePermits();
    }

    /** @return failed sends by exception class, in name order */
    public SortedMap<String, Long> failuresByError() {
        SortedMap<String, Long> m = new TreeMap<>();
        failuresByError.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Waits until every record handed over so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /**
     * Flushes, then closes the producer; later calls do nothing.
     *
     * @param timeout how long closing may wait for the producer
     */
    public void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            producer.flush();
        } finally {
            producer.close(timeout);
            LOG.info("publisher closed topic={} handedOver={} acknowledged={} failed={} byError={}", topic,
                    handedOver(), acknowledged(), failed(), failuresByError());
        }
    }

    /** Settles one record exactly once, whichever way the producer reports it. */
    private final class Outcome implements Callback {
        private final SyntheticRecord record;
        private final long sentNanos;
        private final AtomicBoolean settled = new AtomicBoolean();

        Outcome(SyntheticRecord record, long sentNanos) {
            this.record = record;
            this.sentNanos = sentNanos;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            long latency = ticker.nanoTime() - sentNanos;
            try {
                if (error == null) {
                    acknowledged.increment();
                    metrics.acknowledged(record.size(), latency);
                } else {
                    failed(record, error, latency);
                }
            } finally {
                permits.release();
            }
        }
    }
}

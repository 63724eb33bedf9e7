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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
 * waits for room (checking for a stop every 50 ms), which stops generation while the broker is slow. The publish
 * delay (send call time minus intended time) is measured after the wait, so time spent blocked counts;
 * records without an intended time ({@link #UNSCHEDULED}) have none.
 *
 * <p>The send latency (handed over to answered) is timed on one record in {@value #LATENCY_SAMPLE}, chosen by
 * position: a histogram update costs more than the rest of a record's accounting, its quantiles and mean need no
 * more, and every record is still counted ({@code records.sent}, {@code send.errors}).
 *
 * <p>One sending thread; callbacks run on the producer's I/O thread. The two share no per-record write: the sending
 * thread's count and the answered count live on cache lines of their own, and the records handed over reach the
 * shared meters ({@code rate.actual}, {@code event.lag}) in batches of up to {@value #METER_BATCH} records or 5 ms.
 * A record in flight holds only its small outcome (key, model, version, sequence number, size), not its value.
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

    /** The send latency is timed on one record in this many (a power of two). */
    public static final int LATENCY_SAMPLE = 16;

    /** Records handed over between two updates of the shared meters (the actual rate, the event lag). */
    static final int METER_BATCH = 256;
    /** The longest the shared meters lag behind the records handed over, nanoseconds. */
    static final long METER_BATCH_NANOS = 5_000_000L;

    private static final long STOP_CHECK_NANOS = 50_000_000L;
    private static final long MIN_WAIT_NANOS = 20_000L;
    private static final long MAX_WAIT_NANOS = 1_000_000L;
    private static final long NOT_TIMED = Long.MIN_VALUE;

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final int maxInFlight;
    private final ProducerMetrics metrics;
    private final Ticker ticker;
    // written by the sending thread only
    private final PaddedCounter handedOver = new PaddedCounter();
    // written by whoever completes a send (the Kafka I/O thread)
    private final PaddedCounter answered = new PaddedCounter();
    private final PaddedCounter acknowledged = new PaddedCounter();
    private final LongAdder failed = new LongAdder();
    // the sending thread's own state
    private long handed;
    private long answeredSeen;
    private int meterPending;
    private long meterEventTime;
    private long meterFlushedNanos;
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
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /**
     * Hands one record to the producer once fewer than {@code maxInFlight} are in flight; its outcome is counted
     * when the broker answers.
     *
     * @param record   the record
     * @param dueNanos its intended send time, ticker nanoseconds (for the publish delay), or {@link #UNSCHEDULED}
     * @param running  checked while waiting for room in flight; the wait ends when it turns false
     * @return true when handed over, false when stopped while waiting (the record was not sent)
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean send(SyntheticRecord record, long dueNanos, BooleanSupplier running) throws InterruptedException {
        long n = handed;
        if (n - answeredSeen >= maxInFlight && !awaitRoom(n, running)) {
            return false;
        }
        boolean timed = (n & (LATENCY_SAMPLE - 1)) == 0;
        long now = NOT_TIMED;
        if (dueNanos != UNSCHEDULED) {
            now = ticker.nanoTime();
            metrics.publishDelay(now - dueNanos);
        } else if (timed) {
            now = ticker.nanoTime();
        }
        handed = n + 1;
        handedOver.set(n + 1);
        meterPending++;
        meterEventTime = record.timestamp();
        if (meterPending >= METER_BATCH || now != NOT_TIMED && now - meterFlushedNanos >= METER_BATCH_NANOS) {
            flushMeters(now != NOT_TIMED ? now : ticker.nanoTime());
        }
        Outcome outcome = new Outcome(this, record, timed ? now : NOT_TIMED);
        try {
            producer.send(new ProducerRecord<>(topic, null, record.timestamp(), record.key(), record.value(),
                    record.headers()), outcome);
        } catch (RuntimeException e) {
            outcome.onCompletion(null, e);
        }
        return true;
    }

    /**
     * Waits until fewer than {@code maxInFlight} records are unanswered: polls the answered count with short parks
     * (20 µs growing to 1 ms), so the I/O thread never has to wake the sender.
     */
    private boolean awaitRoom(long handed, BooleanSupplier running) throws InterruptedException {
        answeredSeen = answered.get();
        long wait = MIN_WAIT_NANOS;
        long checked = ticker.nanoTime();
        while (handed - answeredSeen >= maxInFlight) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for room in flight");
            }
            long now = ticker.nanoTime();
            if (now - checked >= STOP_CHECK_NANOS) {
                checked = now;
                if (!running.getAsBoolean()) {
                    return false;
                }
            }
            if (meterPending > 0) {
                flushMeters(now);
            }
            ticker.parkNanos(wait);
            wait = Math.min(MAX_WAIT_NANOS, wait * 2);
            answeredSeen = answered.get();
        }
        return true;
    }

    /** Hands the records counted since the last flush to the shared meters. */
    private void flushMeters(long now) {
        if (meterPending > 0) {
            metrics.handedOver(meterPending, meterEventTime);
            meterPending = 0;
        }
        meterFlushedNanos = now;
    }

    private void failed(Outcome outcome, Exception error) {
        failed.increment();
        String errorClass = error.getClass().getSimpleName();
        failuresByError.computeIfAbsent(errorClass, k -> new LongAdder()).increment();
        metrics.sendFailed(errorClass);
        long n = failed.sum();
        if (n <= FULL_LOGS) {
            LOG.warn("send failed topic={} key={} seq={} model={} version={} error={}", topic, outcome.key,
                    outcome.seq, outcome.model, outcome.version, error.toString());
        } else if (n % LOG_EVERY == 0) {
            LOG.warn("send failed topic={} failedSoFar={} byError={} lastError={}", topic, n, failuresByError(),
                    error.toString());
        }
    }

    /** @return records handed to the producer so far */
    public long handedOver() {
        return handedOver.get();
    }

    /** @return records acknowledged so far */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** @return records whose send failed so far */
    public long failed() {
        return failed.sum();
    }

    /** @return records handed over and not yet answered */
    public int inFlight() {
        return (int) Math.max(0, handedOver.get() - answered.get());
    }

    /** @return failed sends by exception class, in name order */
    public SortedMap<String, Long> failuresByError() {
        SortedMap<String, Long> m = new TreeMap<>();
        failuresByError.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Waits until every record handed over so far is acknowledged or failed; updates the meters. */
    public void flush() {
        flushMeters(ticker.nanoTime());
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
            flushMeters(ticker.nanoTime());
            producer.flush();
        } finally {
            producer.close(timeout);
            LOG.info("publisher closed topic={} handedOver={} acknowledged={} failed={} byError={}", topic,
                    handedOver(), acknowledged(), failed(), failuresByError());
        }
    }

    /**
     * Settles one record exactly once, whichever way the producer reports it. Holds what a failure log names and
     * what the meters count, not the record: in-flight records keep no values alive.
     */
    private static final class Outcome implements Callback {
        private static final VarHandle SETTLED;

        static {
            try {
                SETTLED = MethodHandles.lookup().findVarHandle(Outcome.class, "settled", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final RecordPublisher publisher;
        private final String key;
        private final String model;
        private final long version;
        private final long seq;
        private final int size;
        private final long sentNanos;
        @SuppressWarnings("unused")
        private volatile boolean settled;

        Outcome(RecordPublisher publisher, SyntheticRecord record, long sentNanos) {
            this.publisher = publisher;
            this.key = record.key();
            this.model = record.model();
            this.version = record.version();
            this.seq = record.seq();
            this.size = record.size();
            this.sentNanos = sentNanos;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            if (!SETTLED.compareAndSet(this, false, true)) {
                return;
            }
            try {
                if (sentNanos != NOT_TIMED) {
                    publisher.metrics.sendLatency(publisher.ticker.nanoTime() - sentNanos);
                }
                if (error == null) {
                    publisher.acknowledged.increment();
                    publisher.metrics.acknowledged(size);
                } else {
                    publisher.failed(this, error);
                }
            } finally {
                publisher.answered.increment();
            }
        }
    }
}

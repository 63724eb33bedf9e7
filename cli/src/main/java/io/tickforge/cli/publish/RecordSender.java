package io.tickforge.cli.publish;

import io.tickforge.producer.rate.Ticker;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends encoded records to one topic and accounts for every one: acknowledged or failed, never silently dropped.
 * A failed send is counted by error type and logged (the first ten in full, then one in a thousand, so a dead
 * broker does not flood the terminal). Memory stays bounded: the producer's {@code buffer.memory} blocks
 * {@link #send} when the broker falls behind. Not thread-safe for senders; callbacks may run on the I/O thread.
 */
public final class RecordSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordSender.class);
    private static final int FULL_LOGS = 10;
    private static final int LOG_EVERY = 1_000;

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Ticker ticker;
    private final AtomicLong sent = new AtomicLong();
    private final LongAdder acked = new LongAdder();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, LongAdder> failuresByError = new ConcurrentHashMap<>();
    private long firstSendNanos = -1;
    private boolean closed;

    /**
     * @param producer the Kafka producer (owned: closed by {@link #close()})
     * @param topic    the topic to send to
     * @param ticker   the clock for the elapsed time
     */
    public RecordSender(Producer<String, byte[]> producer, String topic, Ticker ticker) {
        this.producer = producer;
        this.topic = topic;
        this.ticker = ticker;
    }

    /**
     * Hands one record to the producer; its outcome is counted when the broker answers.
     *
     * @param key     the record key
     * @param value   the encoded value
     * @param headers record headers, may be empty
     */
    public void send(String key, byte[] value, List<Header> headers) {
        if (firstSendNanos < 0) {
            firstSendNanos = ticker.nanoTime();
        }
        sent.incrementAndGet();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, key, value, headers);
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acked.increment();
                } else {
                    fail(key, error);
                }
            });
        } catch (RuntimeException e) {
            fail(key, e);
        }
    }

    private void fail(String key, Exception error) {
        long n = failed.incrementAndGet();
        failuresByError.computeIfAbsent(error.getClass().getSimpleName(), k -> new LongAdder()).increment();
        if (n <= FULL_LOGS) {
            LOG.warn("send failed topic={} key={} error={}", topic, key, error.toString());
        } else if (n % LOG_EVERY == 0) {
            LOG.warn("send failed topic={} failedSoFar={} lastError={}", topic, n, error.toString());
        }
    }

    /** Waits until every record handed over so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** @return the counts so far (acked and failed lag {@code sent} until a {@link #flush()}) */
    public PublishSummary summary() {
        Map<String, Long> byError = new TreeMap<>();
        failuresByError.forEach((k, v) -> byError.put(k, v.sum()));
        long elapsed = firstSendNanos < 0 ? 0 : ticker.nanoTime() - firstSendNanos;
        return new PublishSummary(sent.get(), acked.sum(), failed.get(), byError, Duration.ofNanos(elapsed));
    }

    /** Flushes, then closes the producer; safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            producer.flush();
        } finally {
            producer.close(Duration.ofSeconds(30));
        }
    }
}

package io.tickforge.bench.producer;


import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wraps the producer the service sends with and measures what it hands over, independently of the service's own
 * meters: records and value bytes sent and acknowledged (value bytes, as {@code kafka-producer-perf-test} counts its
 * MB/s), the first and last send, and for a constant target rate how late each send is against the ideal schedule
 * {@code t0 + i / rate} (t0 = the first send), in a histogram of 10 µs buckets. Without a target rate (the throughput
 * rounds) it counts sends and value bytes only and hands the service's callback through untouched, so that the
 * rounds time the service and not this wrapper; acknowledgements are then the service's own count. One thread sends.
 */
final class MeasuredProducer extends ForwardingProducer<String, byte[]> {
    private static final long BUCKET_NANOS = 10_000;
    private static final int BUCKETS = 100_000;

    private final double rate;
    private final AtomicLong sent = new AtomicLong();
    // the sending thread's own count (one thread sends); published through sent
    private long count;
    private final LongAdder sentBytes = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder ackedBytes = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final long[] lateness = new long[BUCKETS + 1];
    private final List<ProducerRecord<String, byte[]>> sample = new ArrayList<>();
    private final int sampleSize;
    private volatile long firstNanos = -1;
    private volatile long lastNanos = -1;

    /**
     * @param delegate   the real producer
     * @param rate       the constant target rate to measure lateness against, records per second; 0 for none
     * @param sampleSize how many of the first values to keep (see {@link #sample()})
     */
    MeasuredProducer(Producer<String, byte[]> delegate, double rate, int sampleSize) {
        super(delegate);
        this.rate = rate;
        this.sampleSize = sampleSize;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        long i = count++;
        sent.lazySet(i + 1);
        int bytes = record.value() == null ? 0 : record.value().length;
        sentBytes.add(bytes);
        if (i < sampleSize) {
            synchronized (sample) {
                sample.add(record);
            }
        }
        if (rate == 0) {
            if (i == 0) {
                firstNanos = System.nanoTime();
            }
            return delegate.send(record, callback);
        }
        long now = System.nanoTime();
        if (i == 0) {
            firstNanos = now;
        }
        lastNanos = now;
        if (i > 0) {
            long due = firstNanos + (long) (i * 1e9 / rate);
            long late = Math.max(0, now - due);
            int bucket = (int) Math.min(BUCKETS, late / BUCKET_NANOS);
            synchronized (lateness) {
                lateness[bucket]++;
            }
        }
        return delegate.send(record, (metadata, error) -> {
            if (error == null) {
                acked.increment();
                ackedBytes.add(bytes);
            } else {
                failed.increment();
            }
            if (callback != null) {
                callback.onCompletion(metadata, error);
            }
        });
    }

    /** @return the first records sent, up to the sample size */
    List<ProducerRecord<String, byte[]>> sample() {
        synchronized (sample) {
            return List.copyOf(sample);
        }
    }

    /** @return records handed over */
    long sent() {
        return sent.get();
    }

    /** @return value bytes handed over */
    long sentBytes() {
        return sentBytes.sum();
    }

    /** @return records acknowledged (counted only with a target rate) */
    long acked() {
        return acked.sum();
    }

    /** @return value bytes acknowledged */
    long ackedBytes() {
        return ackedBytes.sum();
    }

    /** @return failed sends */
    long failed() {
        return failed.sum();
    }

    /** @return nanoseconds from the first to the last send, 0 before two sends */
    long sendSpanNanos() {
        return firstNanos < 0 ? 0 : lastNanos - firstNanos;
    }

    /** @return {@link System#nanoTime()} of the first send, -1 before it */
    long firstNanos() {
        return firstNanos;
    }

    /**
     * @param q the quantile, e.g. 0.99
     * @return the lateness against the schedule at that quantile, milliseconds (to 10 µs; 1000 means "1 s or more")
     */
    double latenessMs(double q) {
        synchronized (lateness) {
            long total = 0;
            for (long c : lateness) {
                total += c;
            }
            if (total == 0) {
                return Double.NaN;
            }
            long rank = (long) Math.ceil(q * total);
            long seen = 0;
            for (int b = 0; b < lateness.length; b++) {
                seen += lateness[b];
                if (seen >= rank) {
                    return (b + 1) * BUCKET_NANOS / 1e6;
                }
            }
            return BUCKETS * BUCKET_NANOS / 1e6;
        }
    }
}

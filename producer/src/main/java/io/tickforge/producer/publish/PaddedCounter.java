package io.tickforge.producer.publish;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counter alone on its cache line(s): padding before and after the value keeps counters written by different
 * threads (the publishing thread, the Kafka I/O thread) from sharing a cache line, so one thread's writes do not
 * evict the line the other is writing (false sharing, which cost a measurable share of both threads per record).
 * Atomic for any number of writers; cheapest with one.
 */
final class PaddedCounter extends PaddedCounterValue {
    @SuppressWarnings("unused")
    private long q1;
    @SuppressWarnings("unused")
    private long q2;
    @SuppressWarnings("unused")
    private long q3;
    @SuppressWarnings("unused")
    private long q4;
    @SuppressWarnings("unused")
    private long q5;
    @SuppressWarnings("unused")
    private long q6;
    @SuppressWarnings("unused")
    private long q7;

    /** @param n what to add */
    void add(long n) {
        VALUE.getAndAdd(this, n);
    }

    /**
     * Sets the count, for a counter with a single writer (cheaper than an atomic add; readers see it at once).
     *
     * @param n the new count
     */
    void set(long n) {
        VALUE.setRelease(this, n);
    }

    /** Adds one. */
    void increment() {
        VALUE.getAndAdd(this, 1L);
    }

    /** @return the count */
    long get() {
        return (long) VALUE.getVolatile(this);
    }
}

/** The padding before the value (superclass fields are laid out first). */
abstract class PaddedCounterPadding {
    @SuppressWarnings("unused")
    private long p1;
    @SuppressWarnings("unused")
    private long p2;
    @SuppressWarnings("unused")
    private long p3;
    @SuppressWarnings("unused")
    private long p4;
    @SuppressWarnings("unused")
    private long p5;
    @SuppressWarnings("unused")
    private long p6;
    @SuppressWarnings("unused")
    private long p7;
}

/** The value, between the paddings. */
abstract class PaddedCounterValue extends PaddedCounterPadding {
    static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(PaddedCounterValue.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused")
    private volatile long value;
}

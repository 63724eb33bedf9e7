package io.tickforge.cli.publish;

import io.tickforge.producer.rate.Ticker;

/**
 * Holds each record back until its intended send time, an offset from the moment pacing started. Records are
 * released one by one on a continuous schedule (record {@code i} of a constant rate {@code r} at {@code i / r}
 * seconds), so the rate is smooth rather than a lump per second; a sender that falls behind catches up without
 * waiting, and never tries to make up by sending ahead of schedule.
 */
public final class Pacer {
    private static final double NANOS_PER_SECOND = 1e9;

    private final Ticker ticker;
    private long startNanos;
    private boolean started;

    /** @param ticker the clock to pace against */
    public Pacer(Ticker ticker) {
        this.ticker = ticker;
    }

    /**
     * @param index  the record's index from 0
     * @param perSecond records per second, &gt; 0
     * @return the intended offset of record {@code index} from the start, in nanoseconds
     */
    public static long offsetAtRate(long index, double perSecond) {
        return (long) (index * NANOS_PER_SECOND / perSecond);
    }

    /**
     * Waits until {@code offsetNanos} after the first call; the first call starts the clock and does not wait.
     *
     * @param offsetNanos the intended send time, in nanoseconds after the start
     * @return how late the caller is against the intended time, in nanoseconds (0 when on time)
     */
    public long awaitOffset(long offsetNanos) {
        long now = ticker.nanoTime();
        if (!started) {
            started = true;
            startNanos = now - offsetNanos;
            return 0;
        }
        long due = startNanos + offsetNanos;
        while (now < due) {
            ticker.parkNanos(due - now);
            if (Thread.currentThread().isInterrupted()) {
                return 0;
            }
            now = ticker.nanoTime();
        }
        return now - due;
    }

    /** @return nanoseconds since the first {@link #awaitOffset(long)}, or 0 before it */
    public long elapsedNanos() {
        return started ? ticker.nanoTime() - startNanos : 0;
    }
}

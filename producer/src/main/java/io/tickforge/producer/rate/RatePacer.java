package io.tickforge.producer.rate;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Gives every record an intended send time from a {@link RateSchedule} and holds the sender back until then. Record
 * {@code i} is due at {@code start + schedule.secondsFor(i)}: a continuous schedule, so a rate of 1000/s releases a
 * record every millisecond rather than a thousand at the top of each second. A sender that falls behind is never
 * made to wait: it sends at once until it has caught up, and how late it was is what the caller measures as the
 * publish delay (intended time to actual send), so a slow broker shows up instead of being hidden by a schedule
 * that restarts from "now" (coordinated omission).
 *
 * <p>Times are {@link Ticker} nanoseconds. Confined to the publishing thread.
 */
public final class RatePacer {

    /** The longest single wait, so that a stop request is seen within this many nanoseconds. */
    public static final long MAX_PARK_NANOS = 50_000_000L;

    private final RateSchedule schedule;
    private final Ticker ticker;
    private long originNanos;
    private boolean started;

    /**
     * @param schedule the target rate over time
     * @param ticker   the clock to pace against
     */
    public RatePacer(RateSchedule schedule, Ticker ticker) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /** Starts the schedule's clock now; later calls do nothing. */
    public void start() {
        if (!started) {
            started = true;
            originNanos = ticker.nanoTime();
        }
    }

    /** @return whether {@link #start()} was called */
    public boolean started() {
        return started;
    }

    /** @return the schedule */
    public RateSchedule schedule() {
        return schedule;
    }

    /**
     * @param index the record's index from 0
     * @return its intended send time, ticker nanoseconds
     * @throws IllegalStateException before {@link #start()}
     */
    public long dueNanos(long index) {
        requireStarted();
        if (schedule.unlimited()) {
            return originNanos;
        }
        double offset = schedule.secondsFor(index) * 1e9;
        return offset >= Long.MAX_VALUE / 2.0 ? Long.MAX_VALUE / 2 : originNanos + Math.round(offset);
    }

    /**
     * Waits until {@code dueNanos}, in slices of at most {@link #MAX_PARK_NANOS} so that a stop is seen quickly.
     *
     * @param dueNanos the intended send time, ticker nanoseconds
     * @param running  checked between slices; the wait ends early when it turns false
     * @return true when the time came, false when stopped first
     */
    public boolean awaitUntil(long dueNanos, BooleanSupplier running) {
        long now = ticker.nanoTime();
        while (now < dueNanos) {
            if (!running.getAsBoolean()) {
                return false;
            }
            ticker.parkNanos(Math.min(MAX_PARK_NANOS, dueNanos - now));
            now = ticker.nanoTime();
        }
        return running.getAsBoolean();
    }

    /**
     * Moves the schedule's clock forward, e.g. by the time publishing was paused with no model to serve, so that
     * the schedule resumes where it stopped instead of catching up on the pause.
     *
     * @param nanos how far, &gt;= 0
     */
    public void shift(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("nanos must be >= 0, got " + nanos);
        }
        originNanos += nanos;
    }

    /** @return seconds on the schedule's clock, 0 before {@link #start()} */
    public double elapsedSeconds() {
        return started ? Math.max(0, ticker.nanoTime() - originNanos) / 1e9 : 0;
    }

    /** @return the schedule's rate now, records per second; 0 before {@link #start()} */
    public double targetRate() {
        return started ? schedule.rateAt(elapsedSeconds()) : 0;
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("the pacer has not been started");
        }
    }
}

package io.tickforge.producer.rate;

import java.util.concurrent.locks.LockSupport;

/**
 * A monotonic nanosecond clock that can wait: the seam that lets tests pace without sleeping. The producer paces with
 * it, and so do the CLI's commands that pace (simulate, replay).
 */
public interface Ticker {

    /** @return monotonic time, nanoseconds */
    long nanoTime();

    /**
     * Waits about {@code nanos} nanoseconds; may return early.
     *
     * @param nanos how long to wait, nanoseconds
     */
    void parkNanos(long nanos);

    /** @return the system ticker: {@link System#nanoTime()} and {@link LockSupport#parkNanos(long)} */
    static Ticker system() {
        return new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void parkNanos(long nanos) {
                LockSupport.parkNanos(nanos);
            }
        };
    }
}

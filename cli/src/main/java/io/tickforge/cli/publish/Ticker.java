package io.tickforge.cli.publish;

import java.util.concurrent.locks.LockSupport;

/** A monotonic nanosecond clock that can wait: the seam that lets tests pace without sleeping. */
public interface Ticker {
    /** @return monotonic time in nanoseconds */
    long nanoTime();

    /**
     * Waits about {@code nanos} nanoseconds (may return early on interrupt).
     *
     * @param nanos how long to wait
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

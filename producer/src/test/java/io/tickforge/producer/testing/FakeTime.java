package io.tickforge.producer.testing;

import io.tickforge.producer.rate.Ticker;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ticker and a wall clock that move together and only when told to (or when someone parks): tests pace without
 * sleeping. Thread-safe.
 */
public final class FakeTime extends Clock implements Ticker {
    private final long epochMillisAtZero;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final long nanosAtZero = nanos.get();

    /** @param start the wall-clock time at the start */
    public FakeTime(Instant start) {
        this.epochMillisAtZero = start.toEpochMilli();
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void parkNanos(long n) {
        advance(Math.max(1, n));
    }

    /** @param n nanoseconds to move forward */
    public void advance(long n) {
        nanos.addAndGet(n);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public long millis() {
        return epochMillisAtZero + (nanos.get() - nanosAtZero) / 1_000_000L;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}

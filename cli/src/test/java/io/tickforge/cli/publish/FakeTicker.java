package io.tickforge.cli.publish;

import io.tickforge.producer.rate.Ticker;
import java.util.ArrayList;
import java.util.List;

/** A ticker whose time moves only when parked or advanced, recording every park. */
final class FakeTicker implements Ticker {
    long now = 1_000_000_000L;
    final List<Long> parks = new ArrayList<>();

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void parkNanos(long nanos) {
        parks.add(nanos);
        now += nanos;
    }

    void advance(long nanos) {
        now += nanos;
    }
}

package io.tickforge.trainer.ingest.internal;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;

import java.util.Objects;

/**
 * A bar still accepting ticks. Open and close are the prices of the earliest and latest tick by event time (ties
 * go to the first and the last to arrive), so ticks that arrive out of order within the grace period still give
 * the right OHLC.
 *
 * @param symbol     the symbol
 * @param start      the bar's start, epoch ms, a multiple of {@code intervalMs}
 * @param intervalMs the bar's length, ms
 * @param openTs     event time of the open tick, epoch ms
 * @param open       price of the open tick
 * @param high       highest price
 * @param low        lowest price
 * @param closeTs    event time of the close tick, epoch ms
 * @param close      price of the close tick
 * @param volume     sum of sizes
 * @param trades     number of ticks
 */
public record OpenBar(String symbol, long start, long intervalMs, long openTs, double open, double high, double low,
                      long closeTs, double close, double volume, long trades) {

    /** Validates what the serde and the merge rely on. */
    public OpenBar {
        Objects.requireNonNull(symbol, "symbol");
        if (intervalMs <= 0) {
            throw new IllegalArgumentException("intervalMs must be > 0, got " + intervalMs);
        }
        if (trades < 1) {
            throw new IllegalArgumentException("trades must be >= 1, got " + trades);
        }
    }

    /**
     * @param tick       the bar's first tick
     * @param start      the bar's start
     * @param intervalMs the bar's length
     * @return a bar of that one tick
     */
    public static OpenBar of(Tick tick, long start, long intervalMs) {
        return new OpenBar(tick.symbol(), start, intervalMs, tick.ts(), tick.price(), tick.price(), tick.price(),
                tick.ts(), tick.price(), tick.size(), 1);
    }

    /** @return the bar's end, exclusive, epoch ms */
    public long end() {
        return start + intervalMs;
    }

    /**
     * @param tick a tick of this bar's symbol and interval
     * @return this bar with the tick added
     */
    public OpenBar plus(Tick tick) {
        boolean opens = tick.ts() < openTs;
        boolean closes = tick.ts() >= closeTs;
        return new OpenBar(symbol, start, intervalMs, opens ? tick.ts() : openTs, opens ? tick.price() : open,
                Math.max(high, tick.price()), Math.min(low, tick.price()), closes ? tick.ts() : closeTs,
                closes ? tick.price() : close, volume + tick.size(), trades + 1);
    }

    /** @return the closed bar */
    public Bar toBar() {
        return new Bar(symbol, start, intervalMs, open, high, low, close, volume, trades);
    }
}

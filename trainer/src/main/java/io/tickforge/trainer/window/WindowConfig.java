package io.tickforge.trainer.window;

/**
 * The rolling window of bars kept per symbol.
 *
 * @param capacity the latest bars kept per symbol, at least {@code minBars}; older ones are evicted
 * @param minBars  bars a symbol's window must hold before its first training
 */
public record WindowConfig(int capacity, int minBars) {

    /** Validates every field; messages name it. */
    public WindowConfig {
        if (minBars < 2) {
            throw new IllegalArgumentException("window.minBars must be at least 2, got " + minBars);
        }
        if (capacity < minBars) {
            throw new IllegalArgumentException("window.capacity must be at least window.minBars " + minBars
                    + ", got " + capacity);
        }
        if (capacity > 1_000_000) {
            throw new IllegalArgumentException("window.capacity must be at most 1000000, got " + capacity);
        }
    }

    /** @return 2,000 bars kept, first training at 300 */
    public static WindowConfig defaults() {
        return new WindowConfig(2_000, 300);
    }
}

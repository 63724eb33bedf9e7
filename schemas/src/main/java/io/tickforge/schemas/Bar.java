package io.tickforge.schemas;

import io.tickforge.schemas.internal.Checks;

/**
 * One OHLCV bar: the trades of a symbol over {@code [start, start + intervalMs)}. Bars are what the trainer
 * aggregates ticks into, what {@code replay} publishes from a CSV, and what the producer emits in {@code bars}
 * output mode.
 *
 * <p>Units: {@code start} in epoch milliseconds (UTC), {@code intervalMs} in milliseconds, prices in the
 * instrument's currency, {@code volume} in units traded. Invariants: {@code low <= min(open, close)} and
 * {@code high >= max(open, close)}; every violation names its field.
 *
 * @param symbol     instrument symbol, not blank
 * @param start      start of the bar, epoch milliseconds
 * @param intervalMs length of the bar in milliseconds, &gt; 0
 * @param open       first trade price, &gt; 0
 * @param high       highest trade price, &gt;= max(open, close, low)
 * @param low        lowest trade price, &gt; 0 and &lt;= min(open, close)
 * @param close      last trade price, &gt; 0
 * @param volume     units traded, &gt;= 0
 * @param tradeCount number of trades, &gt;= 0
 */
public record Bar(String symbol, long start, long intervalMs, double open, double high, double low, double close,
                  double volume, long tradeCount) {

    /** Validates every field; throws {@link InvalidRecordException} naming the first bad one. */
    public Bar {
        Checks.symbol("symbol", symbol);
        Checks.epochMillis("start", start);
        if (intervalMs <= 0) {
            throw new InvalidRecordException("intervalMs", intervalMs, "must be > 0");
        }
        Checks.positive("open", open);
        Checks.positive("high", high);
        Checks.positive("low", low);
        Checks.positive("close", close);
        Checks.nonNegative("volume", volume);
        Checks.nonNegative("tradeCount", tradeCount);
        if (high < low) {
            throw new InvalidRecordException("high", high, "must be >= low " + low);
        }
        if (low > Math.min(open, close)) {
            throw new InvalidRecordException("low", low, "must be <= min(open, close) " + Math.min(open, close));
        }
        if (high < Math.max(open, close)) {
            throw new InvalidRecordException("high", high, "must be >= max(open, close) " + Math.max(open, close));
        }
    }

    /** @return the end of the bar, exclusive, in epoch milliseconds */
    public long end() {
        return start + intervalMs;
    }
}

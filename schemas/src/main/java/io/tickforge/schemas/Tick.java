package io.tickforge.schemas;

import io.tickforge.schemas.internal.Checks;

/**
 * One market tick: a trade (price, size) on a symbol at an event time, with the prevailing quote when known.
 * This is the record of the {@code market.ticks} topic, keyed by {@link #symbol()}; the producer writes synthetic
 * ticks in the same schema so a consumer of the real feed reads the synthetic one unchanged.
 *
 * <p>Units: {@code ts} in epoch milliseconds (UTC), prices in the instrument's currency, {@code size} in units
 * traded. Every field is checked here, so an instance is always valid.
 *
 * @param symbol instrument symbol, not blank, at most 64 characters, no whitespace
 * @param ts     event time, epoch milliseconds
 * @param price  trade price, finite and &gt; 0
 * @param size   trade size, finite and &gt;= 0
 * @param bid    best bid at the trade, finite and &gt; 0, or {@code null} when unknown
 * @param ask    best ask at the trade, finite and &gt; 0 and &gt;= bid, or {@code null} when unknown
 */
public record Tick(String symbol, long ts, double price, double size, Double bid, Double ask) {

    /** Validates every field; throws {@link InvalidRecordException} naming the first bad one. */
    public Tick {
        Checks.symbol("symbol", symbol);
        Checks.epochMillis("ts", ts);
        Checks.positive("price", price);
        Checks.nonNegative("size", size);
        if (bid != null) {
            Checks.positive("bid", bid);
        }
        if (ask != null) {
            Checks.positive("ask", ask);
            if (bid != null && ask < bid) {
                throw new InvalidRecordException("ask", ask, "must be >= bid " + bid);
            }
        }
    }

    /**
     * A tick without a quote.
     *
     * @param symbol instrument symbol
     * @param ts     event time, epoch milliseconds
     * @param price  trade price
     * @param size   trade size
     * @return the validated tick
     */
    public static Tick trade(String symbol, long ts, double price, double size) {
        return new Tick(symbol, ts, price, size, null, null);
    }
}

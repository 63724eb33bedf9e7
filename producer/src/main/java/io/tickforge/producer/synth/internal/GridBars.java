package io.tickforge.producer.synth.internal;

import io.tickforge.schemas.Bar;

/**
 * Puts a bar's prices on the price grid and its volume on the lot grid, keeping it valid: open and close go to the
 * nearest price step (at least one step, so a positive price never becomes 0); the high to the nearest step but not
 * below max(open, close); the low to the nearest step but not above min(open, close) and not below one step; the
 * volume to the nearest whole lot, never negative. The ticks of a bar are then made from the rounded bar, so they
 * stay consistent with it.
 */
public final class GridBars {

    private GridBars() {
    }

    /**
     * @param bar    a valid bar
     * @param prices the price grid
     * @param lots   the lot grid
     * @return the bar on the grids (the same symbol, start, interval and trade count)
     */
    public static Bar snap(Bar bar, DecimalGrid prices, DecimalGrid lots) {
        double open = prices.nearestPositive(bar.open());
        double close = prices.nearestPositive(bar.close());
        double high = Math.max(prices.nearestPositive(bar.high()), Math.max(open, close));
        double low = Math.min(prices.nearestPositive(bar.low()), Math.min(open, close));
        double volume = Math.max(0.0, lots.nearest(bar.volume()));
        return new Bar(bar.symbol(), bar.start(), bar.intervalMs(), open, high, low, close, volume,
                bar.tradeCount());
    }
}

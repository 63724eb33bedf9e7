package io.tickforge.producer.synth.internal;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Expands a bar into ticks consistent with it:
 * <ul>
 *   <li>prices: the first tick trades at the open and the last at the close; the high and the low are each touched
 *       by one tick at a random inner position (unless the open or close already is the high or low), and the
 *       ticks between these anchors follow Brownian bridges from one anchor to the next, rounded to the price grid
 *       and kept within [low, high]. So max(price) = high and min(price) = low exactly;</li>
 *   <li>sizes: the volume split by exponential weights (a flat Dirichlet) into whole lots, the last size taking the
 *       rest, so they sum to the volume;</li>
 *   <li>timestamps: tick {@code j} at {@code start + floor((j + u) * interval / n)}, {@code u} uniform in [0, 1):
 *       non-decreasing, inside the bar;</li>
 *   <li>quotes: bid and ask around the price, a half spread of about one basis point or the bar's range over
 *       {@code 2n}, whichever is larger, jittered; the bid rounded down and the ask up to the price grid (the bid
 *       at least one step).</li>
 * </ul>
 * The bar must already be on the grids ({@link GridBars#snap}). Values beyond a grid's range stay unrounded (see
 * {@link DecimalGrid}).
 * Every random choice comes from the given generator, so the same bar and generator state give the same ticks.
 */
public final class TickExpander {

    /** The smallest half spread as a fraction of the price: one basis point. */
    public static final double MIN_HALF_SPREAD = 1e-4;

    private TickExpander() {
    }

    /**
     * @param bar    the bar, valid, on the grids
     * @param count  ticks to make, &gt;= 4
     * @param rng    the random source
     * @param grid   the price grid
     * @param lots   the lot grid
     * @return {@code count} ticks of the bar's symbol, oldest first
     */
    public static List<Tick> expand(Bar bar, int count, RandomGenerator rng, DecimalGrid grid, DecimalGrid lots) {
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(rng, "rng");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(lots, "lots");
        if (count < 4) {
            throw new IllegalArgumentException("count must be >= 4, got " + count);
        }
        double[] prices = prices(bar, count, rng, grid);
        double[] sizes = sizes(bar.volume(), count, rng, lots);
        double step = grid.value(1);
        List<Tick> ticks = new ArrayList<>(count);
        double range = bar.high() - bar.low();
        for (int j = 0; j < count; j++) {
            long ts = bar.start() + (long) Math.floor((j + rng.nextDouble()) * bar.intervalMs() / count);
            double p = prices[j];
            double half = Math.max(p * MIN_HALF_SPREAD, range / (2.0 * count)) * (0.5 + rng.nextDouble());
            half = Math.min(half, p / 2);
            double bid = Math.min(p, grid.floor(p - half));
            if (!(bid > 0)) {
                bid = Math.min(p, step);
            }
            double ask = Math.max(p, grid.ceil(p + half));
            ticks.add(new Tick(bar.symbol(), ts, p, sizes[j], bid, ask));
        }
        return ticks;
    }

    private static double[] prices(Bar bar, int n, RandomGenerator rng, DecimalGrid grid) {
        double open = bar.open();
        double high = bar.high();
        double low = bar.low();
        double close = bar.close();
        double[] p = new double[n];
        boolean touchHigh = high > Math.max(open, close);
        boolean touchLow = low < Math.min(open, close);
        int inner = n - 2;
        int highAt = -1;
        int lowAt = -1;
        if (touchHigh) {
            highAt = 1 + rng.nextInt(inner);
        }
        if (touchLow) {
            do {
                lowAt = 1 + rng.nextInt(inner);
            } while (lowAt == highAt);
        }
        int[] at = new int[4];
        double[] value = new double[4];
        int anchors = 0;
        at[anchors] = 0;
        value[anchors++] = open;
        if (highAt >= 0 && (lowAt < 0 || highAt < lowAt)) {
            at[anchors] = highAt;
            value[anchors++] = high;
        }
        if (lowAt >= 0) {
            at[anchors] = lowAt;
            value[anchors++] = low;
        }
        if (highAt >= 0 && lowAt >= 0 && highAt > lowAt) {
            at[anchors] = highAt;
            value[anchors++] = high;
        }
        at[anchors] = n - 1;
        value[anchors++] = close;
        double sigma = (high - low) / Math.sqrt(n) * 0.5;
        for (int a = 0; a + 1 < anchors; a++) {
            bridge(p, at[a], value[a], at[a + 1], value[a + 1], sigma, low, high, rng);
        }
        for (int j = 0; j < n; j++) {
            p[j] = Math.max(low, Math.min(high, grid.nearest(p[j])));
        }
        for (int a = 0; a < anchors; a++) {
            p[at[a]] = value[a];
        }
        return p;
    }

    /** Fills {@code p(from+1 .. to-1)} with a Brownian bridge from {@code a} to {@code b}, kept within [lo, hi]. */
    private static void bridge(double[] p, int from, double a, int to, double b, double sigma, double lo, double hi,
                               RandomGenerator rng) {
        int m = to - from;
        if (m < 2) {
            return;
        }
        double[] walk = new double[m + 1];
        for (int j = 1; j <= m; j++) {
            walk[j] = walk[j - 1] + sigma * rng.nextGaussian();
        }
        for (int j = 1; j < m; j++) {
            double f = (double) j / m;
            double x = a + (b - a) * f + (walk[j] - f * walk[m]);
            p[from + j] = Math.max(lo, Math.min(hi, x));
        }
    }

    private static double[] sizes(double volume, int n, RandomGenerator rng, DecimalGrid lots) {
        double[] s = new double[n];
        if (volume == 0) {
            return s;
        }
        double total = 0;
        for (int j = 0; j < n; j++) {
            s[j] = -Math.log(1 - rng.nextDouble());
            total += s[j];
        }
        if (!(total > 0)) {
            Arrays.fill(s, 1.0);
            total = n;
        }
        if (lots.covers(volume)) {
            long all = lots.steps(volume);
            double cumulative = 0;
            long before = 0;
            for (int j = 0; j < n - 1; j++) {
                cumulative += s[j];
                long upTo = Math.min(all, Math.round(all * (cumulative / total)));
                s[j] = lots.value(upTo - before);
                before = upTo;
            }
            s[n - 1] = lots.value(all - before);
            return s;
        }
        double used = 0;
        for (int j = 0; j < n - 1; j++) {
            s[j] = volume * s[j] / total;
            used += s[j];
        }
        s[n - 1] = Math.max(0, volume - used);
        return s;
    }
}

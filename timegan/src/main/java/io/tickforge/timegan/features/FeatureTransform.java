package io.tickforge.timegan.features;

import io.tickforge.schemas.Bar;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How bars become model features, and back. The transform's {@link #wireName()} is stored in every checkpoint's
 * metadata ({@code featureTransform}), so a sampler turns the model's output back into valid bars: high &gt;=
 * max(open, close), low &lt;= min(open, close), volume &gt;= 0, prices &gt; 0.
 */
public enum FeatureTransform {
    /** Price levels as in the paper: open, high, low, close, volume as they are. */
    LEVELS("levels"),
    /**
     * Stationary features: the log returns of open, high, low and close against the previous bar's close, and
     * log(1 + volume). Consumes the first bar of a series (it has no previous close).
     */
    LOG_RETURNS("log-returns");

    /** Features per row: open, high, low, close and volume, in this order, for both transforms. */
    public static final int FEATURES = 5;

    /** The smallest price {@link #inverse} emits: a model output at or below it is floored here. */
    public static final double MIN_PRICE = 1e-12;

    /** The largest price {@link #inverse} emits for {@link #LOG_RETURNS}, whose chained prices could overflow. */
    public static final double MAX_PRICE = 1e12;

    /** The largest volume {@link #inverse} emits for {@link #LOG_RETURNS}, whose {@code exp} could overflow. */
    public static final double MAX_VOLUME = 1e18;

    private static final double LOG_MIN_PRICE = Math.log(MIN_PRICE);
    private static final double LOG_MAX_PRICE = Math.log(MAX_PRICE);
    private static final double MAX_LOG_VOLUME = Math.log1p(MAX_VOLUME);

    private final String wireName;

    FeatureTransform(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name stored in checkpoints, {@code levels} or {@code log-returns} */
    public String wireName() {
        return wireName;
    }

    /**
     * @param wireName a stored name
     * @return the transform
     * @throws IllegalArgumentException naming {@code featureTransform} and the value for an unknown name
     */
    public static FeatureTransform fromWireName(String wireName) {
        for (FeatureTransform t : values()) {
            if (t.wireName.equals(wireName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("featureTransform must be one of levels, log-returns, got " + wireName);
    }

    /** @return the feature names in column order */
    public List<String> featureNames() {
        return switch (this) {
            case LEVELS -> List.of("open", "high", "low", "close", "volume");
            case LOG_RETURNS -> List.of("open_ret", "high_ret", "low_ret", "close_ret", "log_volume");
        };
    }

    /**
     * Turns one symbol's bars, oldest first, into feature rows in original (unscaled) units.
     *
     * @param bars the bars of one symbol, oldest first: not null, no null element, one symbol, strictly increasing
     *             {@code start}
     * @return one row per bar ({@link #LEVELS}) or per bar after the first ({@link #LOG_RETURNS}), each of
     *     {@link #FEATURES} finite values; empty when there are no rows
     * @throws IllegalArgumentException naming {@code bars[i]} and the value when the bars are not one symbol's
     *     series oldest first
     */
    public double[][] forward(List<Bar> bars) {
        Objects.requireNonNull(bars, "bars");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            if (bar == null) {
                throw new IllegalArgumentException("bars[" + i + "] must not be null");
            }
            if (i > 0) {
                Bar previous = bars.get(i - 1);
                if (!bar.symbol().equals(previous.symbol())) {
                    throw new IllegalArgumentException("bars[" + i + "].symbol must be " + previous.symbol()
                            + " like bars[0], got " + bar.symbol());
                }
                if (bar.start() <= previous.start()) {
                    throw new IllegalArgumentException("bars[" + i + "].start must be after bars[" + (i - 1)
                            + "].start " + previous.start() + " (oldest first), got " + bar.start());
                }
            }
        }
        return switch (this) {
            case LEVELS -> levels(bars);
            case LOG_RETURNS -> logReturns(bars);
        };
    }

    private static double[][] levels(List<Bar> bars) {
        double[][] rows = new double[bars.size()][];
        for (int i = 0; i < rows.length; i++) {
            Bar b = bars.get(i);
            rows[i] = new double[] {b.open(), b.high(), b.low(), b.close(), b.volume()};
        }
        return rows;
    }

    private static double[][] logReturns(List<Bar> bars) {
        if (bars.size() < 2) {
            return new double[0][];
        }
        double[][] rows = new double[bars.size() - 1][];
        for (int i = 1; i < bars.size(); i++) {
            double previousClose = bars.get(i - 1).close();
            Bar b = bars.get(i);
            rows[i - 1] = new double[] {Math.log(b.open() / previousClose), Math.log(b.high() / previousClose),
                Math.log(b.low() / previousClose), Math.log(b.close() / previousClose), Math.log1p(b.volume())};
        }
        return rows;
    }

    /**
     * How many bars {@link #forward} consumes before its first row: the bars that give no row of their own.
     *
     * @return 0 for {@link #LEVELS}, 1 for {@link #LOG_RETURNS}
     */
    public int consumedBars() {
        return this == LOG_RETURNS ? 1 : 0;
    }

    /**
     * Turns feature rows back into valid bars, whatever finite values the rows hold (a generator's output is not
     * bound by the bar invariants). Repairs, in this order: every price is clamped into
     * [{@link #MIN_PRICE}, {@link #MAX_PRICE}] ({@link #LOG_RETURNS}) or floored at {@link #MIN_PRICE}
     * ({@link #LEVELS}); {@code high = max(high, open, close)}, {@code low = min(low, open, close)}; volume is
     * floored at 0 (and capped at {@link #MAX_VOLUME} for {@link #LOG_RETURNS}). Rows of valid bars pass through
     * unchanged, so {@code inverse(forward(bars))} gives the bars back to rounding. {@code tradeCount} is not a model
     * feature: it is 0 (unknown) on every bar.
     *
     * <p>{@link #LOG_RETURNS} chains: row {@code i}'s returns are taken against the close of bar {@code i - 1} as
     * reconstructed (the repaired close), starting from {@code lastClose}; the producer passes the close of the last
     * bar it emitted to continue a stream.
     *
     * @param rows       feature rows, in original (unscaled) units, each of {@link #FEATURES} finite values
     * @param symbol     the bars' symbol
     * @param start      the first bar's start, epoch ms; bar {@code i} starts at {@code start + i * intervalMs}
     * @param intervalMs the bar length, ms, &gt; 0
     * @param lastClose  the close before the first row, finite and &gt; 0 for {@link #LOG_RETURNS}; ignored by
     *                   {@link #LEVELS}
     * @return one valid bar per row
     * @throws IllegalArgumentException naming the field and the value: a row of the wrong width or holding a NaN
     *     or infinite value, a non-positive interval, an invalid {@code lastClose}
     * @throws io.tickforge.schemas.InvalidRecordException when {@code symbol} or a bar's start is not valid for a
     *     {@link Bar}
     */
    public List<Bar> inverse(double[][] rows, String symbol, long start, long intervalMs, double lastClose) {
        Objects.requireNonNull(rows, "rows");
        if (intervalMs <= 0) {
            throw new IllegalArgumentException("intervalMs must be > 0, got " + intervalMs);
        }
        if (this == LOG_RETURNS && !(Double.isFinite(lastClose) && lastClose > 0)) {
            throw new IllegalArgumentException("lastClose must be finite and > 0, got " + lastClose);
        }
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            if (row == null || row.length != FEATURES) {
                throw new IllegalArgumentException("rows[" + i + "] must hold " + FEATURES + " values, got "
                        + (row == null ? "null" : row.length + " values"));
            }
            for (int f = 0; f < FEATURES; f++) {
                if (!Double.isFinite(row[f])) {
                    throw new IllegalArgumentException("rows[" + i + "][" + f + "] (" + featureNames().get(f)
                            + ") must be finite, got " + row[f]);
                }
            }
        }
        List<Bar> bars = new ArrayList<>(rows.length);
        double previousClose = lastClose;
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            double open;
            double high;
            double low;
            double close;
            double volume;
            if (this == LEVELS) {
                open = Math.max(MIN_PRICE, r[0]);
                high = Math.max(MIN_PRICE, r[1]);
                low = Math.max(MIN_PRICE, r[2]);
                close = Math.max(MIN_PRICE, r[3]);
                volume = Math.max(0, r[4]);
            } else {
                double base = Math.log(previousClose);
                open = price(base, r[0]);
                high = price(base, r[1]);
                low = price(base, r[2]);
                close = price(base, r[3]);
                volume = Math.max(0, Math.expm1(Math.min(r[4], MAX_LOG_VOLUME)));
            }
            high = Math.max(high, Math.max(open, close));
            low = Math.min(low, Math.min(open, close));
            bars.add(new Bar(symbol, Math.addExact(start, Math.multiplyExact(i, intervalMs)), intervalMs, open, high,
                    low, close, volume, 0));
            previousClose = close;
        }
        return bars;
    }

    /** {@code exp(base + logReturn)} with the log price clamped into [ln MIN_PRICE, ln MAX_PRICE]. */
    private static double price(double base, double logReturn) {
        double logPrice = Math.max(LOG_MIN_PRICE, Math.min(LOG_MAX_PRICE, base + logReturn));
        return Math.max(MIN_PRICE, Math.min(MAX_PRICE, Math.exp(logPrice)));
    }
}

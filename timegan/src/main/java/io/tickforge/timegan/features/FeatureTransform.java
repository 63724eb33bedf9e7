package io.tickforge.timegan.features;

import io.tickforge.schemas.Bar;

import java.util.List;

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
     * Turns one symbol's bars, oldest first, into feature rows.
     *
     * @param bars the bars
     * @return one row per bar ({@link #LEVELS}) or per bar after the first ({@link #LOG_RETURNS})
     */
    public double[][] forward(List<Bar> bars) {
        throw new UnsupportedOperationException("filled in by the features work");
    }

    /**
     * Turns feature rows back into valid bars.
     *
     * @param rows       feature rows, in original (unscaled) units
     * @param symbol     the bars' symbol
     * @param start      the first bar's start, epoch ms
     * @param intervalMs the bar length, ms
     * @param lastClose  the close before the first row (used by {@link #LOG_RETURNS}; ignored by {@link #LEVELS})
     * @return one valid bar per row
     */
    public List<Bar> inverse(double[][] rows, String symbol, long start, long intervalMs, double lastClose) {
        throw new UnsupportedOperationException("filled in by the features work");
    }
}

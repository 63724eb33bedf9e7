package io.tickforge.timegan.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-feature min-max scaling as in the TimeGAN reference: {@code x' = (x - min) / (max - min + 1e-7)}, with min and
 * max taken over the whole training set, and its inverse {@code x = x' * (max - min + 1e-7) + min} that maps samples
 * back to original units. The {@code 1e-7} keeps a constant feature finite (it scales to 0).
 *
 * <p>Immutable; a checkpoint stores {@link #mins()} and {@link #maxs()} and rebuilds the scaler with
 * {@link #of(double[], double[])}.
 */
public final class MinMaxScaler {

    /** Added to every range, as in the reference, so that a constant feature does not divide by zero. */
    public static final double EPSILON = 1e-7;

    private final double[] mins;
    private final double[] maxs;

    private MinMaxScaler(double[] mins, double[] maxs) {
        Objects.requireNonNull(mins, "mins");
        Objects.requireNonNull(maxs, "maxs");
        if (mins.length == 0) {
            throw new IllegalArgumentException("mins must hold at least one feature, got 0");
        }
        if (mins.length != maxs.length) {
            throw new IllegalArgumentException("mins and maxs must have the same length, got mins.length="
                    + mins.length + " maxs.length=" + maxs.length);
        }
        for (int f = 0; f < mins.length; f++) {
            if (!Double.isFinite(mins[f])) {
                throw new IllegalArgumentException("mins[" + f + "] must be finite, got " + mins[f]);
            }
            if (!Double.isFinite(maxs[f])) {
                throw new IllegalArgumentException("maxs[" + f + "] must be finite, got " + maxs[f]);
            }
            if (maxs[f] < mins[f]) {
                throw new IllegalArgumentException("maxs[" + f + "] must be >= mins[" + f + "] " + mins[f] + ", got "
                        + maxs[f]);
            }
        }
        this.mins = mins.clone();
        this.maxs = maxs.clone();
    }

    /**
     * Rebuilds a scaler from stored bounds (e.g. from a checkpoint).
     *
     * @param mins per-feature minimum, finite
     * @param maxs per-feature maximum, finite, {@code >= mins}, same length
     * @return the scaler
     */
    public static MinMaxScaler of(double[] mins, double[] maxs) {
        return new MinMaxScaler(mins, maxs);
    }

    /**
     * Fits a scaler to every row of a table.
     *
     * @param table the training data
     * @return the scaler
     */
    /**
     * The scaler that leaves values in [0, 1] as they are, for data generated in that range (the paper's sine
     * benchmark, which is scored in its own units).
     *
     * @param features number of features
     * @return the identity scaler on [0, 1]
     */
    public static MinMaxScaler unit(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, was " + features);
        }
        double[] mins = new double[features];
        double[] maxs = new double[features];
        java.util.Arrays.fill(maxs, 1.0 - EPSILON);
        return of(mins, maxs);
    }

    /**
     * Fits per-feature minima and maxima over every row of a table.
     *
     * @param table the training rows
     * @return the fitted scaler
     */
    public static MinMaxScaler fit(TimeSeriesTable table) {
        Objects.requireNonNull(table, "table");
        return fit(table.rowsView(), table.features());
    }

    /**
     * Fits a scaler to rows {@code [n][d]}.
     *
     * @param rows at least one row, all finite, all of length {@code features}
     * @param features d
     * @return the scaler
     */
    public static MinMaxScaler fit(double[][] rows, int features) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must hold at least one row to fit a scaler, got 0");
        }
        double[] mins = new double[features];
        double[] maxs = new double[features];
        Arrays.fill(mins, Double.POSITIVE_INFINITY);
        Arrays.fill(maxs, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != features) {
                throw new IllegalArgumentException("rows[" + r + "] must hold " + features + " values, got "
                        + rows[r].length);
            }
            for (int f = 0; f < features; f++) {
                double v = rows[r][f];
                mins[f] = Math.min(mins[f], v);
                maxs[f] = Math.max(maxs[f], v);
            }
        }
        return new MinMaxScaler(mins, maxs);
    }

    /** @return number of features d */
    public int features() {
        return mins.length;
    }

    /** @return a copy of the per-feature minima */
    public double[] mins() {
        return mins.clone();
    }

    /** @return a copy of the per-feature maxima */
    public double[] maxs() {
        return maxs.clone();
    }

    /**
     * @param feature feature index
     * @param x raw value
     * @return the scaled value
     */
    public double transform(int feature, double x) {
        return (x - mins[feature]) / (maxs[feature] - mins[feature] + EPSILON);
    }

    /**
     * @param feature feature index
     * @param scaled scaled value
     * @return the value in original units
     */
    public double inverse(int feature, double scaled) {
        return scaled * (maxs[feature] - mins[feature] + EPSILON) + mins[feature];
    }

    /**
     * Maps flat values {@code [..][d]} (any number of rows, features innermost, e.g. a generated batch
     * {@code [T][B][d]}) back to original units.
     *
     * @param scaled scaled values, length a multiple of d
     * @return a new array in original units
     */
    public double[] inverse(float[] scaled) {
        Objects.requireNonNull(scaled, "scaled");
        int d = mins.length;
        if (scaled.length % d != 0) {
            throw new IllegalArgumentException("scaled must hold a multiple of " + d + " values, got "
                    + scaled.length);
        }
        double[] out = new double[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            out[i] = inverse(i % d, scaled[i]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinMaxScaler other && Arrays.equals(mins, other.mins) && Arrays.equals(maxs, other.maxs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mins) + Arrays.hashCode(maxs);
    }

    @Override
    public String toString() {
        return "MinMaxScaler[mins=" + Arrays.toString(mins) + ", maxs=" + Arrays.toString(maxs) + "]";
    }
}

package io.tickforge.trainer.gate;

import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.quality.SequenceSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The held-out windows a candidate and the current model are both scored on, in the gate's own scaled space.
 *
 * <p>The two models were trained on different data and each carries its own scaler, so their samples are in
 * different scaled units. The gate compares them in one common space that favours neither: a min-max scaler fit on
 * the held-out rows themselves ({@link #scaler()}). The real windows are in [0, 1] there, as the paper's metrics
 * expect; each model's samples are mapped back to feature units with that model's own scaler, then into this space.
 *
 * @param real   the held-out windows, scaled with {@link #scaler()}, sequence-major {@code [n][steps][features]},
 *               in chronological order per symbol, symbols one after the other (never a window across two)
 * @param scaler the min-max scaler fit on every held-out row
 */
public record HeldOutWindows(SequenceSet real, MinMaxScaler scaler) {

    /** Validates; messages name the field. */
    public HeldOutWindows {
        Objects.requireNonNull(real, "real");
        Objects.requireNonNull(scaler, "scaler");
        if (scaler.features() != real.features()) {
            throw new IllegalArgumentException("scaler must have the windows' " + real.features()
                    + " features, got " + scaler.features());
        }
    }

    /**
     * Fits the gate's scaler on every held-out row and slides windows of {@code steps} rows, stride 1, per series.
     *
     * @param series   held-out feature rows in feature (unscaled) units, one array per symbol, oldest first; a
     *                 series shorter than {@code steps} gives no window
     * @param features values per row, at least 1
     * @param steps    window length, at least 2
     * @return the windows
     * @throws IllegalArgumentException when no series gives a window, naming the longest series' length
     */
    public static HeldOutWindows fit(List<double[][]> series, int features, int steps) {
        Objects.requireNonNull(series, "series");
        if (features < 1) {
            throw new IllegalArgumentException("features must be at least 1, got " + features);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be at least 2, got " + steps);
        }
        List<double[]> all = new ArrayList<>();
        int longest = 0;
        int windows = 0;
        for (double[][] rows : series) {
            longest = Math.max(longest, rows.length);
            windows += Math.max(0, rows.length - steps + 1);
            all.addAll(List.of(rows));
        }
        if (windows == 0) {
            throw new IllegalArgumentException("held-out series must give at least one window of steps " + steps
                    + ", the longest has " + longest + " rows");
        }
        MinMaxScaler scaler = MinMaxScaler.fit(all.toArray(new double[0][]), features);
        float[] values = new float[windows * steps * features];
        int o = 0;
        for (double[][] rows : series) {
            for (int w = 0; w + steps <= rows.length; w++) {
                for (int t = 0; t < steps; t++) {
                    for (int f = 0; f < features; f++) {
                        values[o++] = (float) scaler.transform(f, rows[w + t][f]);
                    }
                }
            }
        }
        return new HeldOutWindows(new SequenceSet(values, windows, steps, features), scaler);
    }

    /** @return the number of held-out windows */
    public int count() {
        return real.n();
    }

    /** @return the window length */
    public int steps() {
        return real.steps();
    }

    /** @return values per step */
    public int features() {
        return real.features();
    }
}

package io.tickforge.timegan.data;

import io.tickforge.timegan.model.BatchSource;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Scaled training windows in one flat float array, window-major {@code [n][T][d]}: the layout
 * {@link BatchSource#BatchSource(float[], int, int, int)} takes (it transposes each batch into time-major
 * {@code [T][B][d]} itself). Immutable: the array is copied in and never handed out, except to a
 * {@link BatchSource}, which only reads it.
 *
 * <p>{@link #slide} cuts every window of {@code T} consecutive rows with stride 1: {@code n - T + 1} windows from
 * {@code n} rows (3,662 of 24 from the 3,685 rows of {@code stock_data.csv}). The reference loader's
 * {@code range(0, len(data) - seq_len)} stops one short and drops the most recent window (its 3,661); we keep it,
 * since nothing is gained by discarding the latest data.
 */
public final class WindowSet {

    private final float[] values;
    private final int steps;
    private final int features;
    private final int count;

    /**
     * @param values {@code [n][T][d]} scaled values, at least one window; copied
     * @param steps T, positive
     * @param features d, positive
     */
    public WindowSet(float[] values, int steps, int features) {
        this(steps, features, Objects.requireNonNull(values, "values").clone());
    }

    /** Takes ownership of {@code owned} (no copy). */
    private WindowSet(int steps, int features, float[] owned) {
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps);
        }
        if (features <= 0) {
            throw new IllegalArgumentException("features must be positive, got " + features);
        }
        int window = steps * features;
        if (owned.length == 0 || owned.length % window != 0) {
            throw new IllegalArgumentException("values must hold a whole, positive number of windows of T*d = "
                    + window + " values, got " + owned.length);
        }
        this.values = owned;
        this.steps = steps;
        this.features = features;
        this.count = owned.length / window;
    }

    /**
     * Scales a table and cuts every window of {@code steps} consecutive rows, stride 1, in chronological order.
     *
     * @param table the series, at least {@code steps} rows
     * @param scaler a scaler with the table's number of features
     * @param steps T, the window length
     * @return {@code table.rows() - steps + 1} windows, unshuffled
     */
    public static WindowSet slide(TimeSeriesTable table, MinMaxScaler scaler, int steps) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(scaler, "scaler");
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps);
        }
        int d = table.features();
        if (scaler.features() != d) {
            throw new IllegalArgumentException("scaler must have the table's " + d + " features, got "
                    + scaler.features());
        }
        int n = table.rows();
        if (n < steps) {
            throw new IllegalArgumentException("table " + table.source() + " has " + n
                    + " rows, fewer than one window of steps = " + steps);
        }
        double[][] rows = table.rowsView();
        float[] scaled = new float[n * d];
        for (int r = 0; r < n; r++) {
            for (int f = 0; f < d; f++) {
                scaled[r * d + f] = (float) scaler.transform(f, rows[r][f]);
            }
        }
        int count = n - steps + 1;
        int window = steps * d;
        float[] out = new float[count * window];
        for (int w = 0; w < count; w++) {
            System.arraycopy(scaled, w * d, out, w * window, window);
        }
        return new WindowSet(steps, d, out);
    }

    /** @return number of windows n */
    public int count() {
        return count;
    }

    /** @return T */
    public int steps() {
        return steps;
    }

    /** @return d */
    public int features() {
        return features;
    }

    /** @return a copy of all values {@code [n][T][d]} */
    public float[] values() {
        return values.clone();
    }

    /**
     * @param index window index
     * @return a copy of one window {@code [T][d]}
     */
    public float[] window(int index) {
        Objects.checkIndex(index, count);
        int window = steps * features;
        float[] out = new float[window];
        System.arraycopy(values, index * window, out, 0, window);
        return out;
    }

    /**
     * A batch source over these windows (shares the array, which neither side modifies).
     *
     * @param batch B, at most {@link #count()}
     * @return the source
     */
    public BatchSource batchSource(int batch) {
        return new BatchSource(values, steps, features, batch);
    }

    /**
     * The windows in a seeded random order (Fisher-Yates), as the reference shuffles them before training.
     *
     * @param rng seeded random source
     * @return a new, shuffled set
     */
    public WindowSet shuffled(RandomGenerator rng) {
        return select(permutation(count, rng), 0, count);
    }

    /**
     * Holds out a random {@code round(n * validationFraction)} windows (at least 1, at most n - 1). Both parts are
     * in shuffled order. Note that stride-1 windows overlap their neighbours, so a random split leaks rows between
     * the parts; use {@link TimeSeriesTable#splitChronologically} before sliding when that matters.
     *
     * @param validationFraction fraction held out, in (0, 1)
     * @param rng seeded random source
     * @return the two parts
     */
    public HeldOut<WindowSet> split(double validationFraction, RandomGenerator rng) {
        int k = HeldOut.validationCount(count, validationFraction);
        int[] order = permutation(count, rng);
        return new HeldOut<>(select(order, 0, count - k), select(order, count - k, count));
    }

    private WindowSet select(int[] order, int from, int to) {
        int window = steps * features;
        float[] out = new float[(to - from) * window];
        for (int i = from; i < to; i++) {
            System.arraycopy(values, order[i] * window, out, (i - from) * window, window);
        }
        return new WindowSet(steps, features, out);
    }

    private static int[] permutation(int n, RandomGenerator rng) {
        Objects.requireNonNull(rng, "rng");
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    @Override
    public String toString() {
        return "WindowSet[count=" + count + ", steps=" + steps + ", features=" + features + "]";
    }
}

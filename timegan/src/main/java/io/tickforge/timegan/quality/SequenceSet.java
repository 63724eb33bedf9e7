package io.tickforge.timegan.quality;

import java.util.Objects;

/**
 * A set of {@code n} fixed-length multivariate sequences in scaled units, the input of every quality metric.
 *
 * <p><b>Layout.</b> {@code data} is flat and <em>sequence-major</em>, {@code [n][steps][features]}: value
 * {@code (i, t, f)} is at {@code (i * steps + t) * features + f}, the natural layout of sliding windows (and of
 * {@link io.tickforge.timegan.model.BatchSource}). The metrics transpose mini-batches into the engine's time-major
 * layout themselves. The array is kept by reference and never modified; callers must not change it while a metric
 * runs. Real and synthetic sets compared with each other must be in the same scaled units (the model's scaler),
 * with the same {@code steps} and {@code features}.
 *
 * @param data values {@code [n][steps][features]}, all finite
 * @param n number of sequences, positive
 * @param steps time steps per sequence, positive
 * @param features features per time step, positive
 */
public record SequenceSet(float[] data, int n, int steps, int features) {

    /**
     * Validates the shape and the values; messages name the field and the value.
     *
     * @param data values {@code [n][steps][features]}
     * @param n number of sequences
     * @param steps time steps per sequence
     * @param features features per time step
     */
    public SequenceSet {
        Objects.requireNonNull(data, "data");
        requirePositive("n", n);
        requirePositive("steps", steps);
        requirePositive("features", features);
        long expected = (long) n * steps * features;
        if (data.length != expected) {
            throw new IllegalArgumentException("data must hold n * steps * features = " + n + " * " + steps + " * "
                    + features + " = " + expected + " values, got " + data.length);
        }
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                int f = i % features;
                int t = (i / features) % steps;
                int s = i / (features * steps);
                throw new IllegalArgumentException("data must be finite, got " + data[i] + " at sequence " + s
                        + ", step " + t + ", feature " + f);
            }
        }
    }

    /**
     * Wraps a flat array, inferring the number of sequences.
     *
     * @param data values {@code [n][steps][features]}
     * @param steps time steps per sequence
     * @param features features per time step
     * @return the set
     */
    public static SequenceSet of(float[] data, int steps, int features) {
        Objects.requireNonNull(data, "data");
        requirePositive("steps", steps);
        requirePositive("features", features);
        int window = steps * features;
        if (data.length == 0 || data.length % window != 0) {
            throw new IllegalArgumentException("data must hold a whole, positive number of sequences of steps * "
                    + "features = " + window + " values, got " + data.length);
        }
        return new SequenceSet(data, data.length / window, steps, features);
    }

    /**
     * One value.
     *
     * @param sequence sequence index in [0, n)
     * @param step time step in [0, steps)
     * @param feature feature index in [0, features)
     * @return the value
     */
    public float get(int sequence, int step, int feature) {
        return data[(sequence * steps + step) * features + feature];
    }

    /**
     * Checks that another set can be compared with this one (same steps and features).
     *
     * @param other the other set
     * @param otherName how the caller calls it, for the message
     */
    void requireSameShape(SequenceSet other, String otherName) {
        if (other.steps != steps || other.features != features) {
            throw new IllegalArgumentException(otherName + " must have steps=" + steps + " and features=" + features
                    + " like the real set, got steps=" + other.steps + " features=" + other.features);
        }
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceSet s && s.n == n && s.steps == steps && s.features == features
                && java.util.Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(n, steps, features, java.util.Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "SequenceSet[n=" + n + ", steps=" + steps + ", features=" + features + "]";
    }
}

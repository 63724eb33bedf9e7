package io.tickforge.timegan.sample;

import java.util.List;
import java.util.Objects;

/**
 * Synthetic (or real) sequences in original units: {@code sequences} sequences of {@code steps} steps of one value
 * per feature, stored flat as {@code [sequence][step][feature]}.
 *
 * @param featureNames the feature names, in column order
 * @param sequences    number of sequences, &gt;= 1
 * @param steps        steps per sequence, &gt;= 1
 * @param values       {@code sequences * steps * featureNames.size()} values, owned by this set
 */
public record SampleSet(List<String> featureNames, int sequences, int steps, double[] values) {

    /** Validates the shape; messages name the field. */
    public SampleSet {
        featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException("featureNames must not be empty");
        }
        if (sequences < 1) {
            throw new IllegalArgumentException("sequences must be >= 1, was " + sequences);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        Objects.requireNonNull(values, "values");
        long expected = (long) sequences * steps * featureNames.size();
        if (values.length != expected) {
            throw new IllegalArgumentException("values must hold sequences*steps*features = " + expected
                    + " values, was " + values.length);
        }
    }

    /** @return the number of features */
    public int features() {
        return featureNames.size();
    }

    /**
     * @param sequence sequence index
     * @param step     step index
     * @param feature  feature index
     * @return the value
     */
    public double value(int sequence, int step, int feature) {
        return values[(sequence * steps + step) * features() + feature];
    }

    /**
     * @param scaler the scaler to apply, with one feature per column of this set
     * @return the values mapped into the scaler's [0, 1] space, same layout, as floats
     */
    public float[] scaled(io.tickforge.timegan.data.MinMaxScaler scaler) {
        int d = features();
        if (scaler.features() != d) {
            throw new IllegalArgumentException("scaler must have " + d + " features, had " + scaler.features());
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) scaler.transform(i % d, values[i]);
        }
        return out;
    }

    /**
     * Cuts every sequence into consecutive non-overlapping windows of {@code length} steps (a remainder shorter than
     * a window is dropped): how windows cut from a long stream are scored next to fixed windows.
     *
     * @param length window length in steps, 1..steps
     * @return the windows, {@code sequences * (steps / length)} of them
     */
    public SampleSet windows(int length) {
        if (length < 1 || length > steps) {
            throw new IllegalArgumentException("length must be between 1 and steps " + steps + ", was " + length);
        }
        int perSequence = steps / length;
        int d = features();
        double[] out = new double[sequences * perSequence * length * d];
        int o = 0;
        for (int s = 0; s < sequences; s++) {
            int from = s * steps * d;
            int count = perSequence * length * d;
            System.arraycopy(values, from, out, o, count);
            o += count;
        }
        return new SampleSet(featureNames, sequences * perSequence, length, out);
    }
}

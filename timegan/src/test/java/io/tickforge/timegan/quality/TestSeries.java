package io.tickforge.timegan.quality;

import java.util.SplittableRandom;

/** Small seeded generators of sequence sets for the quality tests. */
final class TestSeries {

    private TestSeries() {
    }

    /**
     * The reference's sine data: each feature of each sequence is {@code sin(freq * t + phase)} with freq and phase
     * uniform in [0, 0.1), mapped to [0, 1].
     */
    static SequenceSet sines(int n, int steps, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] data = new float[n * steps * features];
        for (int s = 0; s < n; s++) {
            for (int f = 0; f < features; f++) {
                double freq = rng.nextDouble(0, 0.1);
                double phase = rng.nextDouble(0, 0.1);
                for (int t = 0; t < steps; t++) {
                    data[(s * steps + t) * features + f] = (float) ((Math.sin(freq * t + phase) + 1) / 2);
                }
            }
        }
        return new SequenceSet(data, n, steps, features);
    }

    /**
     * Phase-shifted sines sharing one frequency and phase per sequence, so that the last feature's next value is
     * predictable from the other features' past: {@code (sin(freq * t + phase + 0.5 f) + 1) / 2}, freq in
     * [0.2, 0.6), phase in [0, 2 pi).
     */
    static SequenceSet coupledSines(int n, int steps, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] data = new float[n * steps * features];
        for (int s = 0; s < n; s++) {
            double freq = rng.nextDouble(0.2, 0.6);
            double phase = rng.nextDouble(0, 2 * Math.PI);
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < features; f++) {
                    data[(s * steps + t) * features + f] = (float) ((Math.sin(freq * t + phase + 0.5 * f) + 1) / 2);
                }
            }
        }
        return new SequenceSet(data, n, steps, features);
    }

    /** Independent U[0, 1) values. */
    static SequenceSet noise(int n, int steps, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] data = new float[n * steps * features];
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextFloat();
        }
        return new SequenceSet(data, n, steps, features);
    }

    /** Every value of {@code set} plus {@code shift}. */
    static SequenceSet shifted(SequenceSet set, float shift) {
        float[] data = set.data().clone();
        for (int i = 0; i < data.length; i++) {
            data[i] += shift;
        }
        return new SequenceSet(data, set.n(), set.steps(), set.features());
    }
}

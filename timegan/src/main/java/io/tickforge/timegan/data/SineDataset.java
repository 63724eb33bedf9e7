package io.tickforge.timegan.data;

import java.util.SplittableRandom;

/**
 * The TimeGAN paper's synthetic sine benchmark: each sequence and feature is {@code sin(f * t + p)} for
 * {@code t = 0 .. T-1}, with frequency {@code f} and phase {@code p} drawn from U(0, 0.1) per sequence and feature,
 * mapped to [0, 1] by {@code (s + 1) / 2}. The values are already in [0, 1], so no scaler is fitted.
 */
public final class SineDataset {

    private SineDataset() {
    }

    /**
     * Generates the data set; the same arguments give the same windows.
     *
     * @param count sequences n (paper: 10,000)
     * @param steps T (paper: 24)
     * @param features d (paper: 5)
     * @param seed seed of the frequency and phase draws
     * @return {@code count} windows, in generation order
     */
    public static WindowSet generate(int count, int steps, int features, long seed) {
        positive("count", count);
        positive("steps", steps);
        positive("features", features);
        long total = (long) count * steps * features;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("count*steps*features must fit in one array, got " + total);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[(int) total];
        double[] freq = new double[features];
        double[] phase = new double[features];
        for (int n = 0; n < count; n++) {
            for (int f = 0; f < features; f++) {
                freq[f] = rng.nextDouble(0, 0.1);
                phase[f] = rng.nextDouble(0, 0.1);
            }
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < features; f++) {
                    out[(n * steps + t) * features + f] = (float) ((Math.sin(freq[f] * t + phase[f]) + 1) / 2);
                }
            }
        }
        return new WindowSet(out, steps, features);
    }

    /**
     * Generates the data set a {@link SineSpec} describes.
     *
     * @param spec count, steps and features
     * @param seed seed of the draws
     * @return the windows
     */
    public static WindowSet generate(SineSpec spec, long seed) {
        return generate(spec.count(), spec.steps(), spec.features(), seed);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}

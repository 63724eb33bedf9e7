package io.tickforge.timegan.sample;

import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.model.SyntheticStream;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.nn.Gemm;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Draws synthetic sequences from a trained model, mapped back to original units with the training scaler.
 * Two shapes:
 * <ul>
 *   <li>{@link #windows(int, long)}: independent fixed windows of the model's {@code steps}, {@code X̂ = R(S(G(Z)))}
 *       as in the paper;</li>
 *   <li>{@link #streams(int, int, long)}: endless streams, the generator, supervisor and recovery stepping one time
 *       step at a time with carried recurrent state, at a constant cost per step.</li>
 * </ul>
 * Noise is U[0, 1) from a {@link SplittableRandom} seeded with the given seed, so the same model and seed give the
 * same values. Not thread-safe: the model's buffers are reused.
 */
public final class Sampler {
    private final TimeGan model;
    private final MinMaxScaler scaler;
    private final List<String> featureNames;
    private final Gemm gemm;

    /**
     * @param model        the trained model
     * @param scaler       the scaler the model was trained with
     * @param featureNames the feature names, one per model feature
     * @param gemm         the matrix multiply to step streams with
     */
    public Sampler(TimeGan model, MinMaxScaler scaler, List<String> featureNames, Gemm gemm) {
        this.model = Objects.requireNonNull(model, "model");
        this.scaler = Objects.requireNonNull(scaler, "scaler");
        this.featureNames = List.copyOf(featureNames);
        this.gemm = Objects.requireNonNull(gemm, "gemm");
        int d = model.config().features();
        if (scaler.features() != d || this.featureNames.size() != d) {
            throw new IllegalArgumentException("scaler and featureNames must have the model's " + d
                    + " features, were " + scaler.features() + " and " + this.featureNames.size());
        }
    }

    /**
     * @param n    number of windows, &gt;= 1
     * @param seed noise seed
     * @return {@code n} windows of the model's steps, in original units
     */
    public SampleSet windows(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        int t = model.config().steps();
        int b = model.config().batch();
        int d = model.config().features();
        SplittableRandom rng = new SplittableRandom(seed);
        float[] z = new float[t * b * d];
        double[] out = new double[n * t * d];
        for (int first = 0; first < n; first += b) {
            fill(z, rng);
            float[] x = model.generate(z);
            int take = Math.min(b, n - first);
            for (int step = 0; step < t; step++) {
                for (int i = 0; i < take; i++) {
                    int src = (step * b + i) * d;
                    int dst = ((first + i) * t + step) * d;
                    for (int f = 0; f < d; f++) {
                        out[dst + f] = scaler.inverse(f, x[src + f]);
                    }
                }
            }
        }
        return new SampleSet(featureNames, n, t, out);
    }

    /**
     * @param n      number of independent streams, &gt;= 1
     * @param length steps per stream, &gt;= 1
     * @param seed   noise seed
     * @return {@code n} streams of {@code length} steps, in original units
     */
    public SampleSet streams(int n, int length, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, was " + length);
        }
        int d = model.config().features();
        SyntheticStream stream = new SyntheticStream(model, n, gemm);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] z = new float[n * d];
        double[] out = new double[n * length * d];
        for (int step = 0; step < length; step++) {
            fill(z, rng);
            float[] x = stream.step(z);
            for (int i = 0; i < n; i++) {
                int dst = (i * length + step) * d;
                for (int f = 0; f < d; f++) {
                    out[dst + f] = scaler.inverse(f, x[i * d + f]);
                }
            }
        }
        return new SampleSet(featureNames, n, length, out);
    }

    private static void fill(float[] z, SplittableRandom rng) {
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextDouble();
        }
    }
}

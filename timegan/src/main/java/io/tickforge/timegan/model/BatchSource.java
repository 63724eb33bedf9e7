package io.tickforge.timegan.model;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Draws mini-batches of training windows and noise into two reusable time-major buffers, as the reference's
 * {@code batch_generator} (B distinct windows, a fresh random choice each call) and {@code random_generator}
 * (Z ~ U[0, 1)) do.
 *
 * <p>Windows are given once as one flat array {@code [n][T][d]} (window-major, the natural layout of sliding
 * windows) and are not copied; each batch is transposed into {@code [T][B][d]}.
 */
public final class BatchSource {

    private final float[] windows;
    private final int count;
    private final int steps;
    private final int features;
    private final int batch;
    private final int[] order;
    private final float[] x;
    private final float[] z;

    /**
     * Creates a source over scaled windows.
     *
     * @param windows {@code [n][T][d]} scaled values; kept by reference, not modified
     * @param steps T
     * @param features d
     * @param batch B, at most n
     */
    public BatchSource(float[] windows, int steps, int features, int batch) {
        this.windows = Objects.requireNonNull(windows, "windows");
        if (steps <= 0 || features <= 0 || batch <= 0) {
            throw new IllegalArgumentException("steps, features and batch must be positive, got steps=" + steps
                    + " features=" + features + " batch=" + batch);
        }
        int window = steps * features;
        if (windows.length == 0 || windows.length % window != 0) {
            throw new IllegalArgumentException("windows must hold a whole number of windows of T*d = " + window
                    + " values, got " + windows.length);
        }
        this.count = windows.length / window;
        if (batch > count) {
            throw new IllegalArgumentException("batch must not exceed the number of windows " + count + ", got "
                    + batch);
        }
        this.steps = steps;
        this.features = features;
        this.batch = batch;
        this.order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        this.x = new float[steps * batch * features];
        this.z = new float[steps * batch * features];
    }

    /** @return number of windows */
    public int windows() {
        return count;
    }

    /** @return the real-batch buffer {@code [T][B][d]}, refilled by {@link #nextBatch} */
    public float[] xBuffer() {
        return x;
    }

    /** @return the noise buffer {@code [T][B][d]}, refilled by {@link #nextNoise} */
    public float[] zBuffer() {
        return z;
    }

    /**
     * Fills {@link #xBuffer()} with B distinct windows chosen uniformly (a partial Fisher-Yates shuffle).
     *
     * @param rng seeded random source
     */
    public void nextBatch(RandomGenerator rng) {
        int window = steps * features;
        for (int b = 0; b < batch; b++) {
            int j = b + rng.nextInt(count - b);
            int tmp = order[b];
            order[b] = order[j];
            order[j] = tmp;
            int src = order[b] * window;
            for (int t = 0; t < steps; t++) {
                System.arraycopy(windows, src + t * features, x, (t * batch + b) * features, features);
            }
        }
    }

    /**
     * Fills {@link #zBuffer()} with U[0, 1) noise.
     *
     * @param rng seeded random source
     */
    public void nextNoise(RandomGenerator rng) {
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextFloat();
        }
    }
}

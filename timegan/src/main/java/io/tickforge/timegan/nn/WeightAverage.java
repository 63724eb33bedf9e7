package io.tickforge.timegan.nn;

import java.util.List;
import java.util.Objects;

/**
 * An exponential moving average (Polyak averaging) of a fixed list of parameters' values, the standard GAN
 * stabiliser: the averaged weights drift less from one step to the next than the raw ones, which oscillate around
 * the adversarial game's equilibrium.
 *
 * <p>The average starts as a copy of the values at construction (or at the last {@link #reset()}); the k-th
 * {@link #update()} (k = 0, 1, ...) sets
 * <pre>
 *   decay_k = min(decay, (1 + k) / (10 + k))
 *   avg     = decay_k * avg + (1 - decay_k) * value
 * </pre>
 * the warm-up of TF's {@code ExponentialMovingAverage(num_updates=k)}, so that the starting copy is forgotten in a
 * few steps rather than weighing {@code decay^k} for thousands. Arithmetic is in {@code float}, in a fixed order:
 * the same updates give bit-identical averages. The parameters' values are read by {@link #update()} and written only
 * by {@link #copyToParams()}. Confined to one thread, like the parameters.
 */
public final class WeightAverage {

    private final List<Param> params;
    private final double decay;
    private final float[][] average;
    private long updates;

    /**
     * Starts an average at the parameters' current values.
     *
     * @param params the parameters to average
     * @param decay the decay per update, in (0, 1)
     */
    public WeightAverage(List<Param> params, double decay) {
        this.params = List.copyOf(Objects.requireNonNull(params, "params"));
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1), got " + decay);
        }
        this.decay = decay;
        this.average = new float[this.params.size()][];
        reset();
    }

    /** Restarts the average at the parameters' current values, with the update count back to 0. */
    public void reset() {
        for (int i = 0; i < params.size(); i++) {
            average[i] = params.get(i).value().clone();
        }
        updates = 0;
    }

    /** @return the decay per update */
    public double decay() {
        return decay;
    }

    /** @return updates since construction or the last {@link #reset()} */
    public long updates() {
        return updates;
    }

    /**
     * The decay the next {@link #update()} applies: {@code min(decay, (1 + k) / (10 + k))} with k = {@link #updates()}.
     *
     * @return the effective decay of the next update
     */
    public double nextDecay() {
        return Math.min(decay, (1.0 + updates) / (10.0 + updates));
    }

    /** Folds the parameters' current values into the average. */
    public void update() {
        float a = (float) nextDecay();
        float b = 1f - a;
        for (int i = 0; i < params.size(); i++) {
            float[] avg = average[i];
            float[] w = params.get(i).value();
            for (int j = 0; j < avg.length; j++) {
                avg[j] = a * avg[j] + b * w[j];
            }
        }
        updates++;
    }

    /**
     * The average of one parameter (live, not a copy).
     *
     * @param index the parameter's position in the list given at construction
     * @return its averaged values, same layout as {@link Param#value()}
     */
    public float[] average(int index) {
        return average[index];
    }

    /** Overwrites the parameters' values with the average (the average itself is kept). */
    public void copyToParams() {
        for (int i = 0; i < params.size(); i++) {
            float[] w = params.get(i).value();
            System.arraycopy(average[i], 0, w, 0, w.length);
        }
    }
}

package io.tickforge.timegan.nn;

/**
 * Settings of an {@link Adam} optimiser.
 *
 * @param learningRate step size {@code lr}, positive
 * @param beta1 decay of the first moment, in [0, 1)
 * @param beta2 decay of the second moment, in [0, 1)
 * @param epsilon TF1's "epsilon hat", added to {@code sqrt(v)} after bias correction is folded into the step size;
 *     positive
 * @param clipNorm global gradient-norm clip ({@code tf.clip_by_global_norm}); 0 disables clipping
 * @param weightDecay decoupled weight decay per step, as a fraction of {@code lr} (AdamW); 0 disables it
 */
public record AdamConfig(double learningRate, double beta1, double beta2, double epsilon, double clipNorm,
        double weightDecay) {

    /**
     * Validates every field; messages name the field and the value.
     *
     * @param learningRate step size
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param epsilon epsilon hat
     * @param clipNorm global-norm clip, 0 for none
     * @param weightDecay decoupled weight decay, 0 for none
     */
    public AdamConfig {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be positive and finite, got " + epsilon);
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("clipNorm must be >= 0 and finite (0 = off), got " + clipNorm);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be >= 0 and finite (0 = off), got " + weightDecay);
        }
    }

    /**
     * TF1's {@code tf.train.AdamOptimizer()} defaults, what the reference code uses for all five optimisers:
     * lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-8, no clipping, no weight decay.
     *
     * @return the defaults
     */
    public static AdamConfig tf1Defaults() {
        return new AdamConfig(0.001, 0.9, 0.999, 1e-8, 0, 0);
    }
}

package io.tickforge.timegan.model;

/**
 * The learning-rate schedule of the joint phase: a multiplier of every optimiser's configured learning rate
 * ({@link io.tickforge.timegan.nn.Adam#setLearningRateScale(double)}) for each joint iteration. It holds
 * {@link #peak()} for the first {@link #decayFrom()} of the joint phase, then falls linearly to 0 at its end (the
 * "hold, then linear decay" policy of pix2pix and CycleGAN). The reference keeps the rate constant:
 * {@link #constant()}, peak 1 and no decay.
 *
 * <p>Why: at the reference's 10,000 joint iterations the sines model is still improving, and its last iterate is one
 * point of an oscillation. A larger rate early moves faster; the decay then settles the nets instead of stopping them
 * mid-swing. Measured (docs/benchmarks.md): twice the rate with the decay over the second half improved every run;
 * the decay at the configured rate alone made a run worse, as it halves the phase's total step. Phases 1 and 2
 * (plain regression) keep the configured rate.
 *
 * @param peak multiplier of the learning rate before the decay starts, positive and finite; 1 is the configured rate
 * @param decayFrom fraction of the joint phase after which the multiplier decays linearly to 0, in [0, 1]; 1 for no
 *     decay
 */
public record JointLearningRate(double peak, double decayFrom) {

    private static final JointLearningRate CONSTANT = new JointLearningRate(1.0, 1.0);

    /**
     * Validates both fields; messages name the field and the value.
     *
     * @param peak multiplier before the decay, positive and finite
     * @param decayFrom fraction of the joint phase where the decay starts, in [0, 1]
     */
    public JointLearningRate {
        if (!(peak > 0) || Double.isInfinite(peak)) {
            throw new IllegalArgumentException("jointLearningRate.peak must be positive and finite, got " + peak);
        }
        if (!(decayFrom >= 0 && decayFrom <= 1)) {
            throw new IllegalArgumentException("jointLearningRate.decayFrom must be in [0, 1] (1 for no decay), got "
                    + decayFrom);
        }
    }

    /** @return the reference schedule: the configured rate throughout the joint phase */
    public static JointLearningRate constant() {
        return CONSTANT;
    }

    /** @return whether this is the reference schedule (multiplier 1 throughout) */
    public boolean isConstant() {
        return peak == 1.0 && decayFrom == 1.0;
    }

    /**
     * The multiplier for one joint iteration. In the decay, iteration {@code i} of {@code n} gets
     * {@code peak * (n - i) / (n - start)} with {@code start = ceil(decayFrom * n)}, so the first decayed iteration
     * has the full peak and the last {@code peak / (n - start)}: every iteration still learns.
     *
     * @param iteration the joint iteration, from 0
     * @param iterations joint iterations in the phase, positive
     * @return the multiplier, in (0, peak]
     */
    public double scale(int iteration, int iterations) {
        if (iterations <= 0) {
            throw new IllegalArgumentException("iterations must be positive, got " + iterations);
        }
        if (iteration < 0 || iteration >= iterations) {
            throw new IllegalArgumentException("iteration must be in [0, " + iterations + "), got " + iteration);
        }
        int start = (int) Math.ceil(decayFrom * iterations);
        if (iteration < start) {
            return peak;
        }
        return peak * (iterations - iteration) / (iterations - start);
    }
}

package io.tickforge.timegan.model;

/**
 * What a training run reports after every iteration.
 *
 * @param phase the running phase
 * @param iteration index within the phase, from 0
 * @param iterations iterations of the phase
 * @param loss the phase's headline loss before the update: {@code E_T0} (autoencoder), {@code G_S} (supervised),
 *     the total generator loss (joint)
 * @param joint the joint iteration's losses, or null outside the joint phase
 * @param validation held-out losses after this iteration's update, or null when this iteration was not validated
 *     (see {@link ValidationConfig})
 */
public record TrainingProgress(Phase phase, int iteration, int iterations, double loss, JointLosses joint,
        ValidationLosses validation) {

    /**
     * Progress of an iteration without validation.
     *
     * @param phase the running phase
     * @param iteration index within the phase
     * @param iterations iterations of the phase
     * @param loss headline loss
     * @param joint joint losses or null
     */
    public TrainingProgress(Phase phase, int iteration, int iterations, double loss, JointLosses joint) {
        this(phase, iteration, iterations, loss, joint, null);
    }
}

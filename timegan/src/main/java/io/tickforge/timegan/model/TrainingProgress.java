package io.tickforge.timegan.model;

/**
 * What {@link TimeGan#train} reports after every iteration.
 *
 * @param phase the running phase
 * @param iteration index within the phase, from 0
 * @param iterations iterations of the phase
 * @param loss the phase's headline loss before the update: {@code E_T0} (autoencoder), {@code G_S} (supervised),
 *     the total generator loss (joint)
 * @param joint the joint iteration's losses, or null outside the joint phase
 */
public record TrainingProgress(Phase phase, int iteration, int iterations, double loss, JointLosses joint) {
}

package io.tickforge.timegan.model;

/**
 * Outcome of a discriminator step of the joint phase.
 *
 * @param loss {@code D = BCE(1, D(H)) + BCE(0, D(Ĥ)) + gamma BCE(0, D(Ê))} before the step
 * @param updated whether the discriminator was updated (only when {@code loss} exceeded the threshold)
 */
public record DiscriminatorStep(double loss, boolean updated) {
}

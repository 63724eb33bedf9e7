package io.tickforge.timegan.model;

/**
 * What one joint iteration reports (the reference prints these every 1,000 iterations).
 *
 * @param generator the terms of the last G step
 * @param reconstruction {@code E_T0} of the last E step
 * @param discriminator the D step
 */
public record JointLosses(GeneratorLosses generator, double reconstruction, DiscriminatorStep discriminator) {
}

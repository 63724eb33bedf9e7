package io.tickforge.timegan.model;

/**
 * The adversarial part of a validation: generator and discriminator losses on held-out windows and fresh noise.
 *
 * @param generator the generator loss terms, means over the validation batches
 * @param discriminator the discriminator loss {@code D}, mean over the validation batches
 */
public record AdversarialLosses(GeneratorLosses generator, double discriminator) {
}

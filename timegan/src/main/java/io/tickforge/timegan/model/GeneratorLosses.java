package io.tickforge.timegan.model;

/**
 * The terms of the generator loss of one step, as the reference code reports them.
 *
 * @param adversarial {@code G_U = BCE(1, D(Ĥ))}
 * @param adversarialLatent {@code G_Ue = BCE(1, D(Ê))}
 * @param supervised {@code G_S}, mean squared one-step-ahead error in the latent space
 * @param momentStd {@code G_V1}, mean absolute difference of per-(step, feature) standard deviations
 * @param momentMean {@code G_V2}, mean absolute difference of per-(step, feature) means
 * @param total {@code G_U + gamma G_Ue + 100 sqrt(G_S) + 100 (G_V1 + G_V2)}, the minimised quantity
 */
public record GeneratorLosses(double adversarial, double adversarialLatent, double supervised, double momentStd,
        double momentMean, double total) {
}

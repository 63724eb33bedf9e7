package io.tickforge.timegan.model;

/**
 * Losses of the current model on held-out windows, evaluated forward only (no weight, gradient or optimiser state
 * changes): what early stopping and a quality gate watch, since training losses on the batches just fitted
 * under-report overfitting.
 *
 * @param reconstruction {@code E_T0 = MSE(X, R(E(X)))}, mean over the validation batches
 * @param supervised {@code G_S}, the supervisor's one-step-ahead latent error, mean over the validation batches
 * @param batches number of validation batches averaged
 * @param adversarial generator and discriminator losses, evaluated in the joint phase only (null before it, when
 *     the generator and discriminator are still untrained)
 */
public record ValidationLosses(double reconstruction, double supervised, int batches, AdversarialLosses adversarial) {
}

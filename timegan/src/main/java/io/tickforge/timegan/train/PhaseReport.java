package io.tickforge.timegan.train;

import io.tickforge.timegan.model.Phase;

/**
 * How one training phase went.
 *
 * @param phase                 the phase
 * @param iterations            iterations run
 * @param msPerIterationMedian  median wall time of one iteration, milliseconds
 * @param msPerIterationMean    mean wall time of one iteration, milliseconds
 * @param seconds               wall time of the phase, seconds
 * @param finalLoss             the phase's headline loss at its last iteration (E_T0, G_S, or the total G loss)
 * @param validationReconstruction held-out reconstruction loss at the phase's end, or NaN without validation
 * @param validationSupervised  held-out supervised loss at the phase's end, or NaN without validation
 */
public record PhaseReport(Phase phase, int iterations, double msPerIterationMedian, double msPerIterationMean,
                          double seconds, double finalLoss, double validationReconstruction,
                          double validationSupervised) {
}

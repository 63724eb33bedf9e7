package io.tickforge.timegan.train;

import io.tickforge.timegan.model.TimeGanConfig;

import java.util.List;

/**
 * What a training run did, for {@code --report} files and logs: the data, the hyperparameters, each phase's speed
 * and losses, the final joint losses, the quality scores (when computed) and the wall time.
 *
 * @param source             where the data came from
 * @param trainWindows       training windows
 * @param validationWindows  held-out windows (0 without validation)
 * @param config             the hyperparameters, cell and seed
 * @param phases             one report per phase, in order
 * @param finalDiscriminatorLoss the D loss of the last joint iteration
 * @param finalEmbedderLoss  E_T0 of the last joint iteration
 * @param discriminative     discriminative score mean (NaN when not scored)
 * @param discriminativeStd  its standard deviation over repeats
 * @param predictive         predictive score mean (NaN when not scored)
 * @param predictiveStd      its standard deviation over repeats
 * @param wallSeconds        wall time of the whole run, seconds
 * @param selection          what snapshot selection saw and chose, or null when the run kept its last model
 */
public record TrainingReport(String source, int trainWindows, int validationWindows, TimeGanConfig config,
                             List<PhaseReport> phases, double finalDiscriminatorLoss, double finalEmbedderLoss,
                             double discriminative, double discriminativeStd, double predictive, double predictiveStd,
                             double wallSeconds, SelectionReport selection) {

    /** Copies the list. */
    public TrainingReport {
        phases = List.copyOf(phases);
    }
}

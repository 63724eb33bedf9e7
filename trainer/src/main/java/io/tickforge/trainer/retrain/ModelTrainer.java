package io.tickforge.trainer.retrain;

import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.model.TrainingProgress;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.train.Dataset;
import io.tickforge.timegan.train.Provenance;
import io.tickforge.timegan.train.TrainingJob;

import java.util.function.Consumer;

/**
 * The training step of a retrain, a seam so that tests can stand in for the engine (to block, or to diverge on
 * demand). The service's default is timegan's {@link TrainingJob}.
 */
@FunctionalInterface
interface ModelTrainer {

    /**
     * @param data       the training windows
     * @param config     hyperparameters, iterations per phase and seed
     * @param initial    the model to warm-start from (a copy the caller owns), or null for a cold start
     * @param provenance name, version, feature transform and data window
     * @param gemm       the calling worker's matrix multiply
     * @param listener   called after every iteration; throws to cancel
     * @return the trained checkpoint and its report
     */
    TrainingJob.Result train(Dataset data, TimeGanConfig config, TimeGan initial, Provenance provenance, Gemm gemm,
                             Consumer<TrainingProgress> listener);
}

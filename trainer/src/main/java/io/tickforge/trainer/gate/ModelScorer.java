package io.tickforge.trainer.gate;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.nn.Gemm;

/**
 * Scores one model on held-out windows; lower is better for both scores. The seam between the gate's decision
 * ({@link QualityGate}) and the metrics that feed it ({@link QualityScorer}); tests replace it to force scores.
 * Called on a training worker's thread; an implementation must be deterministic for a given model, scaler and
 * windows, so that the same request gives the same outcome.
 */
@FunctionalInterface
public interface ModelScorer {

    /**
     * @param model   the model to sample; confined to the calling thread for the call
     * @param scaler  the model's own scaler, which maps its samples back to feature units
     * @param heldOut the windows to score against, in the gate's scaled space
     * @param gemm    the calling worker's matrix multiply
     * @return the discriminative and predictive scores (with standard deviations over repeats)
     */
    ModelMetadata.Scores score(TimeGan model, MinMaxScaler scaler, HeldOutWindows heldOut, Gemm gemm);
}

package io.tickforge.trainer.gate;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.nn.Gemm;

import java.util.Locale;
import java.util.Objects;

/**
 * Judges a candidate against the current model on the same held-out windows: the candidate passes when its
 * discriminative score is at most the current model's plus {@code gate.tolerance}, and likewise its predictive
 * score (means over repeats; lower is better). With no current model the candidate passes, and its scores are still
 * measured so that they can be recorded in its metadata.
 */
public final class QualityGate {

    private final GateConfig config;
    private final ModelScorer scorer;

    /**
     * @param config the tolerance (and, through the scorer, the budget)
     * @param scorer how a model is scored, e.g. {@link QualityScorer}
     */
    public QualityGate(GateConfig config, ModelScorer scorer) {
        this.config = Objects.requireNonNull(config, "config");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
    }

    /**
     * Scores the candidate and, if there is one, the current model, then decides.
     *
     * @param candidate        the candidate
     * @param candidateScaler  its scaler
     * @param current          the current model, or null when there is none comparable
     * @param currentScaler    its scaler, or null with no current model
     * @param heldOut          the windows both are scored on
     * @param gemm             the calling worker's matrix multiply
     * @param betweenScores    run before each scoring and after the last (e.g. a cancellation check that throws)
     * @return the decision with both models' scores
     */
    public GateDecision judge(TimeGan candidate, MinMaxScaler candidateScaler, TimeGan current,
                              MinMaxScaler currentScaler, HeldOutWindows heldOut, Gemm gemm, Runnable betweenScores) {
        Objects.requireNonNull(betweenScores, "betweenScores");
        betweenScores.run();
        ModelMetadata.Scores candidateScores = scorer.score(candidate, candidateScaler, heldOut, gemm);
        ModelMetadata.Scores currentScores = null;
        if (current != null) {
            betweenScores.run();
            currentScores = scorer.score(current, Objects.requireNonNull(currentScaler, "currentScaler"), heldOut,
                    gemm);
        }
        betweenScores.run();
        return decide(candidateScores, currentScores);
    }

    /**
     * The rule alone.
     *
     * @param candidate the candidate's scores, both measured
     * @param current   the current model's scores on the same windows, or null when there is no current model
     * @return accepted when there is no current model, or when neither score is worse than the current one's by
     *     more than the tolerance
     */
    public GateDecision decide(ModelMetadata.Scores candidate, ModelMetadata.Scores current) {
        double cDisc = measured("candidate.discriminative", candidate.discriminative());
        double cPred = measured("candidate.predictive", candidate.predictive());
        if (current == null) {
            return new GateDecision(true, candidate, null, "no current model");
        }
        double tolerance = config.tolerance();
        double oDisc = measured("current.discriminative", current.discriminative());
        double oPred = measured("current.predictive", current.predictive());
        if (cDisc > oDisc + tolerance) {
            return new GateDecision(false, candidate, current, String.format(Locale.ROOT,
                    "discriminative %.4f > %.4f + %.4f", cDisc, oDisc, tolerance));
        }
        if (cPred > oPred + tolerance) {
            return new GateDecision(false, candidate, current, String.format(Locale.ROOT,
                    "predictive %.4f > %.4f + %.4f", cPred, oPred, tolerance));
        }
        return new GateDecision(true, candidate, current, "within tolerance");
    }

    private static double measured(String field, Double value) {
        if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a measured, finite score, got " + value);
        }
        return value;
    }
}

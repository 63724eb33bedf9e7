package io.tickforge.trainer.gate;

import io.tickforge.schemas.ModelMetadata;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.quality.DiscriminativeMetric;
import io.tickforge.timegan.quality.PredictiveMetric;
import io.tickforge.timegan.quality.QualityConfig;
import io.tickforge.timegan.quality.Score;
import io.tickforge.timegan.quality.SequenceSet;
import io.tickforge.timegan.sample.SampleSet;
import io.tickforge.timegan.sample.Sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The gate's scores: timegan's discriminative and predictive metrics (the paper's protocol at the gate's budget:
 * {@code gate.discriminativeIterations}, {@code gate.predictiveIterations}, {@code gate.repeats}) of as many
 * synthetic windows as there are held-out ones against the held-out windows.
 *
 * <p>Every random choice is fixed by the seed given at construction: the synthetic windows are drawn with
 * {@code seed}, the classifier runs with {@code seed + 1} and the predictor runs with {@code seed + 2}, the same for
 * a candidate and the current model, so the two are compared on equal terms and a rerun gives the same scores. The
 * predictive floor (the metric trained on real data) is not computed: it does not depend on the model, so it cannot
 * change the verdict.
 */
public final class QualityScorer implements ModelScorer {

    /** Bound on a synthetic value in the gate's scaled space, where held-out data spans [0, 1]. */
    static final float SCALED_LIMIT = 1e6f;

    private final GateConfig config;
    private final long seed;

    /**
     * @param config the gate's budget
     * @param seed   the seed of the samples and of the metrics
     */
    public QualityScorer(GateConfig config, long seed) {
        this.config = Objects.requireNonNull(config, "config");
        this.seed = seed;
    }

    @Override
    public ModelMetadata.Scores score(TimeGan model, MinMaxScaler scaler, HeldOutWindows heldOut, Gemm gemm) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(scaler, "scaler");
        Objects.requireNonNull(heldOut, "heldOut");
        Objects.requireNonNull(gemm, "gemm");
        int d = heldOut.features();
        int steps = heldOut.steps();
        if (model.config().features() != d || model.config().steps() != steps) {
            throw new IllegalArgumentException("model must have the held-out windows' " + d + " features and "
                    + steps + " steps, got " + model.config().features() + " and " + model.config().steps());
        }
        List<String> names = new ArrayList<>();
        for (int f = 0; f < d; f++) {
            names.add("f" + f);
        }
        SampleSet samples = new Sampler(model, scaler, names, gemm).windows(heldOut.count(), seed);
        float[] synthetic = samples.scaled(heldOut.scaler());
        for (int i = 0; i < synthetic.length; i++) {
            // a model far off the held-out range must score badly, not overflow the metrics' floats
            synthetic[i] = Math.max(-SCALED_LIMIT, Math.min(SCALED_LIMIT, synthetic[i]));
        }
        SequenceSet syn = SequenceSet.of(synthetic, steps, d);
        QualityConfig quality = QualityConfig.paper()
                .withBudget(config.discriminativeIterations(), config.predictiveIterations(), config.repeats())
                .fittedTo(steps);
        Score disc = new DiscriminativeMetric(quality, gemm).score(heldOut.real(), syn, seed + 1);
        Score pred = new PredictiveMetric(quality, gemm).score(heldOut.real(), syn, seed + 2);
        return new ModelMetadata.Scores(disc.mean(), disc.std(), pred.mean(), pred.std());
    }
}

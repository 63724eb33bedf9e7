package io.tickforge.timegan.quality;

import io.tickforge.timegan.nn.Gemm;
import java.util.Objects;

/**
 * Computes a full {@link QualityReport}: both post-hoc scores, the predictive floor and the distribution
 * statistics, every random choice derived from one seed. Owns its {@link Gemm}; confined to one thread.
 */
public final class QualityEvaluator {

    private final QualityConfig config;
    private final DiscriminativeMetric discriminative;
    private final PredictiveMetric predictive;

    /**
     * Creates an evaluator.
     *
     * @param config metric settings (e.g. {@link QualityConfig#paper()})
     * @param gemm matrix multiply of the post-hoc models, e.g. {@link Gemm#openBlas()}
     */
    public QualityEvaluator(QualityConfig config, Gemm gemm) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(gemm, "gemm");
        this.discriminative = new DiscriminativeMetric(config, gemm);
        this.predictive = new PredictiveMetric(config, gemm);
    }

    /**
     * Scores synthetic data against real data.
     *
     * @param real real sequences
     * @param synthetic synthetic sequences in the same units and shape
     * @param seed seed of every random choice; the discriminative score, the predictive score and the floor each
     *     derive their own stream from it
     * @return the report
     */
    public QualityReport evaluate(SequenceSet real, SequenceSet synthetic, long seed) {
        Objects.requireNonNull(real, "real");
        Objects.requireNonNull(synthetic, "synthetic");
        real.requireSameShape(synthetic, "synthetic");
        long[] seeds = Batches.runSeeds(seed, 3);
        Score disc = discriminative.score(real, synthetic, seeds[0]);
        Score pred = predictive.score(real, synthetic, seeds[1]);
        Score floor = predictive.floor(real, seeds[2]);
        DistributionReport stats = DistributionStats.compare(real, synthetic, config.acfLags());
        return new QualityReport(disc, pred, floor, stats);
    }
}

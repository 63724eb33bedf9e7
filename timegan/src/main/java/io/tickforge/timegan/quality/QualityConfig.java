package io.tickforge.timegan.quality;

import io.tickforge.timegan.nn.AdamConfig;
import java.util.Objects;

/**
 * Settings of the post-hoc quality metrics. {@link #paper()} gives the TimeGAN paper's benchmark protocol; tests and
 * the trainer's quality gate use fewer iterations and repeats (scores from shortened runs are not comparable with
 * the published tables).
 *
 * @param discriminativeIterations Adam steps of the post-hoc classifier (paper: 2,000), positive
 * @param predictiveIterations Adam steps of the post-hoc predictor (paper: 5,000), positive
 * @param batchSize sequences per mini-batch, per set for the classifier (paper: 128), positive; a set with fewer
 *     training sequences is used whole
 * @param repeats independently seeded runs per metric (reference: 10), positive
 * @param trainFraction share of each set the classifier trains on, the rest is its test set (paper: 0.8), in (0, 1)
 * @param acfLags lags {@code 1..acfLags} of the autocorrelation of first differences, positive
 * @param adam optimiser of both post-hoc models (paper: TF1's {@code AdamOptimizer()} defaults, lr 0.001)
 */
public record QualityConfig(int discriminativeIterations, int predictiveIterations, int batchSize, int repeats,
        double trainFraction, int acfLags, AdamConfig adam) {

    /**
     * Validates every field; messages name the field and the value.
     *
     * @param discriminativeIterations classifier steps
     * @param predictiveIterations predictor steps
     * @param batchSize mini-batch size
     * @param repeats runs per metric
     * @param trainFraction classifier training share
     * @param acfLags autocorrelation lags
     * @param adam optimiser settings
     */
    public QualityConfig {
        requirePositive("discriminativeIterations", discriminativeIterations);
        requirePositive("predictiveIterations", predictiveIterations);
        requirePositive("batchSize", batchSize);
        requirePositive("repeats", repeats);
        requirePositive("acfLags", acfLags);
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction must be in (0, 1), got " + trainFraction);
        }
        Objects.requireNonNull(adam, "adam");
    }

    /**
     * The paper's protocol: 2,000 classifier and 5,000 predictor iterations of batch 128, 10 repeats, an 80/20
     * split, Adam with lr 0.001; autocorrelation up to lag 10.
     *
     * @return the defaults
     */
    public static QualityConfig paper() {
        return new QualityConfig(2_000, 5_000, 128, 10, 0.8, 10, AdamConfig.tf1Defaults());
    }

    /**
     * A copy with other iteration counts and repeats (tests, quality gates).
     *
     * @param discriminative classifier steps
     * @param predictive predictor steps
     * @param runs repeats
     * @return the new config
     */
    public QualityConfig withBudget(int discriminative, int predictive, int runs) {
        return new QualityConfig(discriminative, predictive, batchSize, runs, trainFraction, acfLags, adam);
    }

    /**
     * A copy whose autocorrelation lags fit windows of {@code steps} steps (at most {@code steps - 2}).
     *
     * @param steps window length of the data to score
     * @return this config, or a copy with fewer lags
     */
    public QualityConfig fittedTo(int steps) {
        int lags = Math.min(acfLags, Math.max(1, steps - 2));
        return lags == acfLags ? this
                : new QualityConfig(discriminativeIterations, predictiveIterations, batchSize, repeats, trainFraction,
                        lags, adam);
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}

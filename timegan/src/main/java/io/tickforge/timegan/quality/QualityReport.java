package io.tickforge.timegan.quality;

import java.util.Objects;

/**
 * Everything tickforge measures about a synthetic set against the real one.
 *
 * @param discriminative the paper's discriminative score, {@code |accuracy - 0.5|}; lower is better
 * @param predictive the paper's predictive score, MAE of train-on-synthetic test-on-real; lower is better
 * @param predictiveFloor the predictive protocol trained on the real data: the score a perfect generator would get
 * @param distribution model-free statistics (marginals, autocorrelation of differences, correlations)
 */
public record QualityReport(Score discriminative, Score predictive, Score predictiveFloor,
        DistributionReport distribution) {

    /**
     * Checks that no part is missing.
     *
     * @param discriminative discriminative score
     * @param predictive predictive score
     * @param predictiveFloor predictive floor
     * @param distribution distribution statistics
     */
    public QualityReport {
        Objects.requireNonNull(discriminative, "discriminative");
        Objects.requireNonNull(predictive, "predictive");
        Objects.requireNonNull(predictiveFloor, "predictiveFloor");
        Objects.requireNonNull(distribution, "distribution");
    }
}

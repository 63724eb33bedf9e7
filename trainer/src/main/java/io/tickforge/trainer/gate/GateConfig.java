package io.tickforge.trainer.gate;

/**
 * How a candidate model is judged before it is published.
 *
 * @param holdoutFraction          the most recent fraction of the window held out of training and scored on,
 *                                 in (0, 0.5]
 * @param discriminativeIterations post-hoc classifier iterations per repeat, at least 1
 * @param predictiveIterations     post-hoc predictor iterations per repeat, at least 1
 * @param repeats                  repeats of each metric (mean is compared), at least 1
 * @param tolerance                the candidate passes when its discriminative score is at most the current
 *                                 model's plus this (same units, [0, 0.5]), and likewise its predictive score;
 *                                 &gt;= 0
 */
public record GateConfig(double holdoutFraction, int discriminativeIterations, int predictiveIterations, int repeats,
                         double tolerance) {

    /** Validates every field; messages name it. */
    public GateConfig {
        if (!(holdoutFraction > 0 && holdoutFraction <= 0.5)) {
            throw new IllegalArgumentException("gate.holdoutFraction must be in (0, 0.5], got " + holdoutFraction);
        }
        if (discriminativeIterations < 1) {
            throw new IllegalArgumentException("gate.discriminativeIterations must be at least 1, got "
                    + discriminativeIterations);
        }
        if (predictiveIterations < 1) {
            throw new IllegalArgumentException("gate.predictiveIterations must be at least 1, got "
                    + predictiveIterations);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("gate.repeats must be at least 1, got " + repeats);
        }
        if (!(tolerance >= 0 && tolerance <= 0.5)) {
            throw new IllegalArgumentException("gate.tolerance must be in [0, 0.5], got " + tolerance);
        }
    }

    /** @return the latest 20% held out, 300 classifier and 500 predictor iterations, 2 repeats, tolerance 0.02 */
    public static GateConfig defaults() {
        return new GateConfig(0.2, 300, 500, 2, 0.02);
    }
}

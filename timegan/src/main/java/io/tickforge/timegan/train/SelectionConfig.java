package io.tickforge.timegan.train;

import java.util.Objects;

/**
 * Snapshot selection: how a {@link TrainingJob} picks, among the models the joint phase passes through, the one a
 * post-hoc classifier finds hardest to tell from real windows, instead of simply keeping the last iterate.
 *
 * <p>Adversarial training does not converge to a point: the generator circles the game's equilibrium, and the
 * paper-metric discriminative score of the last iterate varies from seed to seed by more than the gap between a
 * good and a bad model (on sines, 0.05 to 0.08 at 10,000 iterations per phase). Every {@code every} joint iterations
 * the selection samples {@code windows} synthetic windows from the current weights (and from the weight average,
 * when {@link io.tickforge.timegan.model.TimeGanConfig#emaDecay()} keeps one), scores them with the paper's
 * discriminative metric ({@code classifierIterations} steps, {@code repeats} runs) against {@code windows} real
 * windows, and keeps the {@code finalists} best snapshots. After the last iteration, which is a candidate too, the
 * finalists are scored again with {@code finalRepeats} fresh runs, and the model takes the weights of the best: a
 * second look that keeps a snapshot from winning on one lucky classifier run. Every check uses the same synthetic
 * noise and the same classifier seeds (common random numbers), so snapshots are compared on equal terms.
 *
 * <p>Selection never touches the training run's random source or its weights: a run with selection takes the same
 * steps as one without, and the same seed gives the same selected model.
 *
 * @param every joint iterations between checks, positive
 * @param windows synthetic windows sampled per check, and at most this many real windows to compare them with, at
 *     least 10 (the classifier splits each set 80/20)
 * @param repeats classifier runs per check, positive
 * @param finalists snapshots kept for the final round, positive
 * @param finalRepeats classifier runs per finalist in the final round, positive
 * @param classifierIterations Adam steps of each classifier run (the paper's metric: 2,000), positive
 * @param against which real windows the snapshots are compared with
 */
public record SelectionConfig(int every, int windows, int repeats, int finalists, int finalRepeats,
        int classifierIterations, Against against) {

    /** The real windows snapshots are compared with. */
    public enum Against {
        /**
         * The dataset's held-out windows, or its training windows when it holds none out: they judge what the
         * generator learned rather than what it saw, but they are fewer (a classifier that trains 2,000 steps on a
         * few hundred windows overfits them and scores every snapshot closer to 0, which blurs the ranking), and a
         * chronological hold-out of a trending series (the latest rows of a CSV) is a different distribution.
         */
        VALIDATION,
        /**
         * The training windows: the distribution the generator is asked to reproduce, which is also what the paper's
         * benchmark scores against.
         */
        TRAINING
    }

    /**
     * Validates every field; messages name the field and the value.
     *
     * @param every iterations between checks
     * @param windows windows per check
     * @param repeats classifier runs per check
     * @param finalists snapshots in the final round
     * @param finalRepeats classifier runs per finalist
     * @param classifierIterations classifier steps
     * @param against the reference windows
     */
    public SelectionConfig {
        positive("every", every);
        if (windows < 10) {
            throw new IllegalArgumentException("windows must be at least 10, got " + windows);
        }
        positive("repeats", repeats);
        positive("finalists", finalists);
        positive("finalRepeats", finalRepeats);
        positive("classifierIterations", classifierIterations);
        Objects.requireNonNull(against, "against");
    }

    /**
     * A check every {@code every} joint iterations with the defaults otherwise: up to 10,000 windows (the paper's
     * sine set), 3 runs of the paper's 2,000-step classifier per check, 3 finalists re-scored with 10 runs each,
     * against the training windows.
     *
     * @param every joint iterations between checks, positive
     * @return the config
     */
    public static SelectionConfig every(int every) {
        return new SelectionConfig(every, 10_000, 3, 3, 10, 2_000, Against.TRAINING);
    }

    /**
     * @param value the new reference
     * @return a copy that compares snapshots with these real windows
     */
    public SelectionConfig withAgainst(Against value) {
        return new SelectionConfig(every, windows, repeats, finalists, finalRepeats, classifierIterations, value);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}

package io.tickforge.timegan.train;

import java.util.List;
import java.util.Objects;

/**
 * What snapshot selection ({@link SelectionConfig}) saw and chose, for reports and logs.
 *
 * @param reference which real windows the snapshots were compared with: {@code validation} or {@code training}
 * @param referenceWindows how many real windows
 * @param checks every snapshot scored during the run, in order
 * @param finalists the best snapshots, re-scored in the final round, best first
 * @param chosen the finalist whose weights the model took
 * @param seconds wall time spent on selection, seconds
 */
public record SelectionReport(String reference, int referenceWindows, List<Check> checks, List<Check> finalists,
        Check chosen, double seconds) {

    /** Copies the lists; validates. */
    public SelectionReport {
        Objects.requireNonNull(reference, "reference");
        checks = List.copyOf(checks);
        finalists = List.copyOf(finalists);
        Objects.requireNonNull(chosen, "chosen");
    }

    /** Which weights of a joint iteration a snapshot holds. */
    public enum Weights {
        /** The iteration's own weights. */
        ITERATE,
        /** The joint phase's running weight average up to that iteration. */
        AVERAGE
    }

    /**
     * One scored snapshot.
     *
     * @param iteration joint iterations done when the snapshot was taken, 1-based
     * @param weights which weights
     * @param discriminative mean discriminative score of the check's classifier runs (lower is better)
     */
    public record Check(int iteration, Weights weights, double discriminative) {
        /** Validates. */
        public Check {
            Objects.requireNonNull(weights, "weights");
        }
    }
}

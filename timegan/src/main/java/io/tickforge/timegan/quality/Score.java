package io.tickforge.timegan.quality;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A metric repeated over several independently seeded runs, reported as mean ± standard deviation as in the
 * TimeGAN paper's tables.
 *
 * @param mean mean of the runs
 * @param std sample standard deviation of the runs (divisor {@code k - 1}); 0 for a single run
 * @param runs the value of each run, in run order
 */
public record Score(double mean, double std, double[] runs) {

    /**
     * Validates the runs and copies them.
     *
     * @param mean mean of the runs
     * @param std sample standard deviation
     * @param runs values of the runs, at least one
     */
    public Score {
        Objects.requireNonNull(runs, "runs");
        if (runs.length == 0) {
            throw new IllegalArgumentException("runs must hold at least one run, got 0");
        }
        runs = runs.clone();
    }

    /**
     * Summarises runs.
     *
     * @param runs values of the runs, at least one
     * @return mean, sample standard deviation and the runs
     */
    public static Score of(double[] runs) {
        Objects.requireNonNull(runs, "runs");
        if (runs.length == 0) {
            throw new IllegalArgumentException("runs must hold at least one run, got 0");
        }
        double sum = 0;
        for (double r : runs) {
            sum += r;
        }
        double mean = sum / runs.length;
        double ss = 0;
        for (double r : runs) {
            ss += (r - mean) * (r - mean);
        }
        double std = runs.length > 1 ? Math.sqrt(ss / (runs.length - 1)) : 0;
        return new Score(mean, std, runs);
    }

    /** @return a copy of the runs */
    @Override
    public double[] runs() {
        return runs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Score s && Double.compare(s.mean, mean) == 0 && Double.compare(s.std, std) == 0
                && Arrays.equals(s.runs, runs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mean, std, Arrays.hashCode(runs));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f ± %.4f (%d runs)", mean, std, runs.length);
    }
}

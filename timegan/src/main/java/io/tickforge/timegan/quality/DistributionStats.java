package io.tickforge.timegan.quality;

import java.util.Arrays;
import java.util.Objects;

/**
 * Model-free comparisons of real and synthetic sequence sets: marginals, short-range dynamics and cross-feature
 * dependence. Cheap (no training), deterministic, computed in double.
 *
 * <ul>
 *   <li>{@link #wasserstein}: per feature, the 1-D Wasserstein-1 distance between the two empirical marginals, all
 *       {@code n * T} values of a feature pooled. In the data's (scaled) units: shifting a set by {@code c} gives
 *       {@code |c|}.</li>
 *   <li>{@link #differenceAcf}: per feature, the autocorrelation at lags {@code 1..L} of first differences
 *       {@code x[t+1] - x[t]} (returns, for prices), pooled over sequences: the mean and variance are over all
 *       differences of the feature, and lag-{@code k} products pair only differences within one sequence, each
 *       sum divided by the total number of differences (the usual biased estimator). A constant feature has an
 *       autocorrelation of 0.</li>
 *   <li>{@link #correlation}: the {@code d x d} Pearson correlation of features over all pooled time steps. A
 *       constant feature has correlation 1 with itself and 0 with every other feature.</li>
 * </ul>
 */
public final class DistributionStats {

    private DistributionStats() {
    }

    /**
     * Compares two sets on every statistic.
     *
     * @param real real sequences
     * @param synthetic synthetic sequences in the same units and shape
     * @param lags largest autocorrelation lag, below {@code steps - 1}
     * @return the report
     */
    public static DistributionReport compare(SequenceSet real, SequenceSet synthetic, int lags) {
        Objects.requireNonNull(real, "real");
        Objects.requireNonNull(synthetic, "synthetic");
        real.requireSameShape(synthetic, "synthetic");
        double[] w = wasserstein(real, synthetic);
        double[][] acfReal = differenceAcf(real, lags);
        double[][] acfSyn = differenceAcf(synthetic, lags);
        double[][] corrReal = correlation(real);
        double[][] corrSyn = correlation(synthetic);
        return new DistributionReport(w, acfReal, acfSyn, frobenius(acfReal, acfSyn), corrReal, corrSyn,
                frobenius(corrReal, corrSyn));
    }

    /**
     * Per-feature 1-D Wasserstein-1 distance between the pooled marginals: the integral of
     * {@code |F_real(x) - F_synthetic(x)|} over x, exact for empirical distributions of any two sizes.
     *
     * @param real real sequences
     * @param synthetic synthetic sequences with the same number of features
     * @return one distance per feature, in the data's units
     */
    public static double[] wasserstein(SequenceSet real, SequenceSet synthetic) {
        Objects.requireNonNull(real, "real");
        Objects.requireNonNull(synthetic, "synthetic");
        if (real.features() != synthetic.features()) {
            throw new IllegalArgumentException("synthetic must have features=" + real.features() + " like the real "
                    + "set, got features=" + synthetic.features());
        }
        double[] out = new double[real.features()];
        for (int f = 0; f < out.length; f++) {
            out[f] = wasserstein1d(pooled(real, f), pooled(synthetic, f));
        }
        return out;
    }

    /**
     * Wasserstein-1 distance between two empirical distributions on the line.
     *
     * @param a samples of the first, not modified
     * @param b samples of the second, not modified
     * @return the distance
     */
    public static double wasserstein1d(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both samples must be non-empty, got sizes " + a.length + " and "
                    + b.length);
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double prev = Math.min(x[0], y[0]);
        double sum = 0;
        while (i < x.length || j < y.length) {
            double next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            double fx = (double) i / x.length;
            double fy = (double) j / y.length;
            sum += Math.abs(fx - fy) * (next - prev);
            prev = next;
            while (i < x.length && x[i] == next) {
                i++;
            }
            while (j < y.length && y[j] == next) {
                j++;
            }
        }
        return sum;
    }

    /**
     * Autocorrelation of first differences, per feature, pooled over sequences.
     *
     * @param set the sequences, at least 2 steps
     * @param lags largest lag L, positive and below {@code steps - 1}
     * @return {@code [features][L]}, entry {@code [f][k-1]} the autocorrelation at lag k
     */
    public static double[][] differenceAcf(SequenceSet set, int lags) {
        Objects.requireNonNull(set, "set");
        int diffs = set.steps() - 1;
        if (lags <= 0 || lags >= diffs) {
            throw new IllegalArgumentException("lags must be in [1, steps - 2] = [1, " + (diffs - 1) + "], got "
                    + lags);
        }
        int d = set.features();
        int n = set.n();
        double[][] acf = new double[d][lags];
        double[] diff = new double[n * diffs];
        for (int f = 0; f < d; f++) {
            double mean = 0;
            for (int s = 0; s < n; s++) {
                for (int t = 0; t < diffs; t++) {
                    double v = (double) set.get(s, t + 1, f) - set.get(s, t, f);
                    diff[s * diffs + t] = v;
                    mean += v;
                }
            }
            mean /= diff.length;
            double var = 0;
            for (int i = 0; i < diff.length; i++) {
                diff[i] -= mean;
                var += diff[i] * diff[i];
            }
            if (var == 0) {
                continue;
            }
            for (int k = 1; k <= lags; k++) {
                double cov = 0;
                for (int s = 0; s < n; s++) {
                    int base = s * diffs;
                    for (int t = 0; t + k < diffs; t++) {
                        cov += diff[base + t] * diff[base + t + k];
                    }
                }
                acf[f][k - 1] = cov / var;
            }
        }
        return acf;
    }

    /**
     * Pearson correlation matrix of the features, all time steps of all sequences pooled.
     *
     * @param set the sequences
     * @return {@code [features][features]}, symmetric, 1 on the diagonal
     */
    public static double[][] correlation(SequenceSet set) {
        Objects.requireNonNull(set, "set");
        int d = set.features();
        int rows = set.n() * set.steps();
        float[] data = set.data();
        double[] mean = new double[d];
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < d; f++) {
                mean[f] += data[r * d + f];
            }
        }
        for (int f = 0; f < d; f++) {
            mean[f] /= rows;
        }
        double[][] cov = new double[d][d];
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < d; f++) {
                double cf = data[r * d + f] - mean[f];
                for (int g = f; g < d; g++) {
                    cov[f][g] += cf * (data[r * d + g] - mean[g]);
                }
            }
        }
        double[][] corr = new double[d][d];
        for (int f = 0; f < d; f++) {
            corr[f][f] = 1;
            for (int g = f + 1; g < d; g++) {
                double denom = Math.sqrt(cov[f][f] * cov[g][g]);
                double c = denom > 0 ? cov[f][g] / denom : 0;
                corr[f][g] = c;
                corr[g][f] = c;
            }
        }
        return corr;
    }

    /**
     * Frobenius norm of the difference of two matrices of the same shape.
     *
     * @param a first matrix
     * @param b second matrix
     * @return {@code sqrt(sum (a - b)^2)}
     */
    public static double frobenius(double[][] a, double[][] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("matrices must have the same rows, got " + a.length + " and "
                    + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                throw new IllegalArgumentException("matrices must have the same columns, got " + a[i].length
                        + " and " + b[i].length + " in row " + i);
            }
            for (int j = 0; j < a[i].length; j++) {
                double diff = a[i][j] - b[i][j];
                sum += diff * diff;
            }
        }
        return Math.sqrt(sum);
    }

    private static double[] pooled(SequenceSet set, int feature) {
        int d = set.features();
        float[] data = set.data();
        double[] out = new double[set.n() * set.steps()];
        for (int r = 0; r < out.length; r++) {
            out[r] = data[r * d + feature];
        }
        return out;
    }
}

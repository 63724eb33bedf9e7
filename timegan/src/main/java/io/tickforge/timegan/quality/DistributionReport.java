package io.tickforge.timegan.quality;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The model-free statistics of {@link DistributionStats#compare}: real against synthetic. Arrays are copied in and
 * out.
 *
 * @param wasserstein per feature, Wasserstein-1 distance between the pooled marginals, in scaled units
 * @param realAcf {@code [features][lags]}, autocorrelation of the real set's first differences at lags 1..L
 * @param syntheticAcf the same for the synthetic set
 * @param acfDistance Frobenius norm of {@code realAcf - syntheticAcf}
 * @param realCorrelation {@code [features][features]} feature correlation of the real set
 * @param syntheticCorrelation the same for the synthetic set
 * @param correlationDistance Frobenius norm of {@code realCorrelation - syntheticCorrelation}
 */
public record DistributionReport(double[] wasserstein, double[][] realAcf, double[][] syntheticAcf,
        double acfDistance, double[][] realCorrelation, double[][] syntheticCorrelation, double correlationDistance) {

    /**
     * Copies the arrays.
     *
     * @param wasserstein per-feature marginal distance
     * @param realAcf real autocorrelations
     * @param syntheticAcf synthetic autocorrelations
     * @param acfDistance distance of the autocorrelations
     * @param realCorrelation real correlation matrix
     * @param syntheticCorrelation synthetic correlation matrix
     * @param correlationDistance distance of the correlation matrices
     */
    public DistributionReport {
        wasserstein = Objects.requireNonNull(wasserstein, "wasserstein").clone();
        realAcf = deepCopy(Objects.requireNonNull(realAcf, "realAcf"));
        syntheticAcf = deepCopy(Objects.requireNonNull(syntheticAcf, "syntheticAcf"));
        realCorrelation = deepCopy(Objects.requireNonNull(realCorrelation, "realCorrelation"));
        syntheticCorrelation = deepCopy(Objects.requireNonNull(syntheticCorrelation, "syntheticCorrelation"));
    }

    /** @return a copy of the per-feature Wasserstein distances */
    @Override
    public double[] wasserstein() {
        return wasserstein.clone();
    }

    /** @return a copy of the real autocorrelations */
    @Override
    public double[][] realAcf() {
        return deepCopy(realAcf);
    }

    /** @return a copy of the synthetic autocorrelations */
    @Override
    public double[][] syntheticAcf() {
        return deepCopy(syntheticAcf);
    }

    /** @return a copy of the real correlation matrix */
    @Override
    public double[][] realCorrelation() {
        return deepCopy(realCorrelation);
    }

    /** @return a copy of the synthetic correlation matrix */
    @Override
    public double[][] syntheticCorrelation() {
        return deepCopy(syntheticCorrelation);
    }

    /** @return the mean of the per-feature Wasserstein distances */
    public double meanWasserstein() {
        return Arrays.stream(wasserstein).average().orElse(0);
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistributionReport r && Arrays.equals(r.wasserstein, wasserstein)
                && Arrays.deepEquals(r.realAcf, realAcf) && Arrays.deepEquals(r.syntheticAcf, syntheticAcf)
                && Double.compare(r.acfDistance, acfDistance) == 0
                && Arrays.deepEquals(r.realCorrelation, realCorrelation)
                && Arrays.deepEquals(r.syntheticCorrelation, syntheticCorrelation)
                && Double.compare(r.correlationDistance, correlationDistance) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(wasserstein), Arrays.deepHashCode(realAcf),
                Arrays.deepHashCode(syntheticAcf), acfDistance, Arrays.deepHashCode(realCorrelation),
                Arrays.deepHashCode(syntheticCorrelation), correlationDistance);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DistributionReport[wasserstein=%s, acfDistance=%.4f, "
                + "correlationDistance=%.4f]", Arrays.toString(wasserstein), acfDistance, correlationDistance);
    }
}

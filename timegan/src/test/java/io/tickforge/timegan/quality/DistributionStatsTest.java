package io.tickforge.timegan.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionStatsTest {

    @Test
    void shouldGiveZeroWassersteinWhenSetsAreIdentical() {
        SequenceSet set = TestSeries.noise(50, 24, 3, 1);

        assertThat(DistributionStats.wasserstein(set, set)).containsExactly(0, 0, 0);
    }

    @Test
    void shouldGiveTheShiftAsWassersteinWhenOneSetIsShifted() {
        SequenceSet set = TestSeries.noise(50, 24, 3, 1);

        double[] w = DistributionStats.wasserstein(set, TestSeries.shifted(set, 0.25f));

        assertThat(w).containsExactly(new double[] {0.25, 0.25, 0.25}, within(1e-6));
    }

    @Test
    void shouldIntegrateTheCdfGapWhenSampleSizesDiffer() {
        // F_a jumps 0 -> 1 at 0; F_b is 1/2 on [0, 1) and 1 from 1: the gap is 1/2 over [0, 1)
        double w = DistributionStats.wasserstein1d(new double[] {0}, new double[] {0, 1});

        assertThat(w).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void shouldRecoverPhiWhenDifferencesFollowAnAr1() {
        double phi = 0.6;
        int n = 40;
        int steps = 500;
        SplittableRandom rng = new SplittableRandom(3);
        float[] data = new float[n * steps];
        for (int s = 0; s < n; s++) {
            double level = 0;
            double diff = 0;
            for (int t = 0; t < steps; t++) {
                data[s * steps + t] = (float) level;
                diff = phi * diff + rng.nextGaussian() * 0.01;
                level += diff;
            }
        }
        SequenceSet set = new SequenceSet(data, n, steps, 1);

        double[][] acf = DistributionStats.differenceAcf(set, 3);

        assertThat(acf[0][0]).isCloseTo(phi, within(0.03));
        assertThat(acf[0][1]).isCloseTo(phi * phi, within(0.04));
        assertThat(acf[0][2]).isCloseTo(phi * phi * phi, within(0.05));
    }

    @Test
    void shouldRejectLagsWhenTheyReachTheNumberOfDifferences() {
        SequenceSet set = TestSeries.noise(5, 4, 1, 1);

        assertThatThrownBy(() -> DistributionStats.differenceAcf(set, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lags").hasMessageContaining("got 3");
    }

    @Test
    void shouldGiveZeroCorrelationDistanceWhenSetsAreIdentical() {
        SequenceSet set = TestSeries.noise(50, 24, 3, 1);

        DistributionReport report = DistributionStats.compare(set, set, 5);

        assertThat(report.correlationDistance()).isZero();
        assertThat(report.acfDistance()).isZero();
    }

    @Test
    void shouldMeasureTheFlippedCorrelationWhenOneFeatureChangesSign() {
        SequenceSet base = TestSeries.noise(50, 24, 1, 1);
        float[] same = new float[base.data().length * 2];
        float[] flipped = new float[same.length];
        for (int i = 0; i < base.data().length; i++) {
            float v = base.data()[i];
            same[2 * i] = v;
            same[2 * i + 1] = v;
            flipped[2 * i] = v;
            flipped[2 * i + 1] = 1 - v;
        }
        SequenceSet real = new SequenceSet(same, 50, 24, 2);
        SequenceSet synthetic = new SequenceSet(flipped, 50, 24, 2);

        DistributionReport report = DistributionStats.compare(real, synthetic, 5);

        // off-diagonals go from +1 to -1: sqrt(2^2 + 2^2)
        assertThat(report.correlationDistance()).isCloseTo(Math.sqrt(8), within(1e-9));
    }

    @Test
    void shouldGiveZeroCorrelationWhenAFeatureIsConstant() {
        float[] data = new float[10 * 4 * 2];
        for (int i = 0; i < data.length; i += 2) {
            data[i] = i;
            data[i + 1] = 0.5f;
        }

        double[][] corr = DistributionStats.correlation(new SequenceSet(data, 10, 4, 2));

        assertThat(corr[0]).containsExactly(1, 0);
        assertThat(corr[1]).containsExactly(0, 1);
    }
}

package io.tickforge.timegan.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickforge.timegan.nn.Gemm;
import org.junit.jupiter.api.Test;

class DiscriminativeMetricTest {

    private static final int STEPS = 24;
    private static final int FEATURES = 4;

    private static DiscriminativeMetric metric(int iterations, int repeats) {
        return new DiscriminativeMetric(QualityConfig.paper().withBudget(iterations, 1, repeats), Gemm.plainJava());
    }

    @Test
    void shouldScoreNearZeroWhenSyntheticComesFromTheRealGenerator() {
        SequenceSet real = TestSeries.sines(600, STEPS, FEATURES, 1);
        SequenceSet synthetic = TestSeries.sines(600, STEPS, FEATURES, 2);

        double score = metric(300, 1).run(real, synthetic, 7);

        assertThat(score).isLessThan(0.1);
    }

    @Test
    void shouldScoreHighWhenSyntheticIsWhiteNoise() {
        SequenceSet real = TestSeries.sines(600, STEPS, FEATURES, 1);
        SequenceSet synthetic = TestSeries.noise(600, STEPS, FEATURES, 2);

        double score = metric(300, 1).run(real, synthetic, 7);

        assertThat(score).isGreaterThan(0.3);
    }

    @Test
    void shouldGiveIdenticalScoresWhenSeedIsRepeated() {
        SequenceSet real = TestSeries.sines(200, STEPS, FEATURES, 1);
        SequenceSet synthetic = TestSeries.noise(200, STEPS, FEATURES, 2);

        Score first = metric(20, 3).score(real, synthetic, 11);
        Score second = metric(20, 3).score(real, synthetic, 11);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldDeriveDifferentRunsWhenRepeating() {
        SequenceSet real = TestSeries.sines(200, STEPS, FEATURES, 1);
        SequenceSet synthetic = TestSeries.sines(200, STEPS, FEATURES, 2);

        Score score = metric(20, 3).score(real, synthetic, 11);

        assertThat(score.runs()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void shouldRejectSetsWhenShapesDiffer() {
        SequenceSet real = TestSeries.sines(10, STEPS, FEATURES, 1);
        SequenceSet synthetic = TestSeries.sines(10, STEPS, FEATURES + 1, 2);

        assertThatThrownBy(() -> metric(1, 1).run(real, synthetic, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("synthetic").hasMessageContaining("features=5");
    }
}

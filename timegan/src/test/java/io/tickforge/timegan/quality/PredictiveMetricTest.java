package io.tickforge.timegan.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.Gemm;
import org.junit.jupiter.api.Test;

class PredictiveMetricTest {

    private static final int STEPS = 24;
    private static final int FEATURES = 4;

    private static PredictiveMetric metric(int iterations, int repeats) {
        return new PredictiveMetric(QualityConfig.paper().withBudget(1, iterations, repeats), Gemm.plainJava());
    }

    @Test
    void shouldPredictRealDataBetterWhenTrainedOnTheSameProcessThanOnNoise() {
        SequenceSet real = TestSeries.coupledSines(300, STEPS, FEATURES, 1);
        SequenceSet sameProcess = TestSeries.coupledSines(300, STEPS, FEATURES, 2);
        SequenceSet noise = TestSeries.noise(300, STEPS, FEATURES, 3);
        PredictiveMetric metric = metric(400, 1);

        double fromSameProcess = metric.run(sameProcess, real, 5);
        double fromNoise = metric.run(noise, real, 5);

        assertThat(fromSameProcess).isLessThan(fromNoise * 0.8);
    }

    @Test
    void shouldGiveIdenticalScoresWhenSeedIsRepeated() {
        SequenceSet real = TestSeries.coupledSines(100, STEPS, FEATURES, 1);
        SequenceSet synthetic = TestSeries.noise(100, STEPS, FEATURES, 2);

        Score first = metric(20, 2).score(real, synthetic, 13);
        Score second = metric(20, 2).score(real, synthetic, 13);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldTrainOnRealDataWhenComputingTheFloor() {
        SequenceSet real = TestSeries.coupledSines(100, STEPS, FEATURES, 1);
        PredictiveMetric metric = metric(20, 1);

        Score floor = metric.floor(real, 13);

        assertThat(floor.runs()).containsExactly(metric.run(real, real, Batches.runSeeds(13, 1)[0]));
    }

    @Test
    void shouldPredictFromTheFeatureItselfWhenThereIsOnlyOne() {
        // with d = 1 the GRU has a single unit: it needs about 5,000 steps to leave its initial plateau (small
        // batches keep that fast)
        SequenceSet real = TestSeries.coupledSines(300, STEPS, 1, 1);
        SequenceSet sameProcess = TestSeries.coupledSines(300, STEPS, 1, 2);
        SequenceSet noise = TestSeries.noise(300, STEPS, 1, 3);
        PredictiveMetric metric = new PredictiveMetric(
                new QualityConfig(1, 5_000, 32, 1, 0.8, 10, AdamConfig.tf1Defaults()), Gemm.plainJava());

        double fromSameProcess = metric.run(sameProcess, real, 5);
        double fromNoise = metric.run(noise, real, 5);

        assertThat(fromSameProcess).isLessThan(fromNoise * 0.8);
    }

    @Test
    void shouldRejectSequencesWhenTheyHaveOneStep() {
        SequenceSet one = TestSeries.noise(10, 1, FEATURES, 1);

        assertThatThrownBy(() -> metric(1, 1).run(one, one, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steps").hasMessageContaining("got 1");
    }
}

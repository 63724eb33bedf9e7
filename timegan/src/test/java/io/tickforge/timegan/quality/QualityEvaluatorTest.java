package io.tickforge.timegan.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickforge.timegan.nn.Gemm;
import org.junit.jupiter.api.Test;

class QualityEvaluatorTest {

    @Test
    void shouldReportEveryMetricFromDerivedSeedsWhenEvaluating() {
        QualityConfig config = QualityConfig.paper().withBudget(10, 10, 2);
        SequenceSet real = TestSeries.sines(100, 24, 4, 1);
        SequenceSet synthetic = TestSeries.noise(100, 24, 4, 2);
        long[] seeds = Batches.runSeeds(21, 3);

        QualityReport report = new QualityEvaluator(config, Gemm.plainJava()).evaluate(real, synthetic, 21);

        assertThat(report.discriminative())
                .isEqualTo(new DiscriminativeMetric(config, Gemm.plainJava()).score(real, synthetic, seeds[0]));
        assertThat(report.predictive())
                .isEqualTo(new PredictiveMetric(config, Gemm.plainJava()).score(real, synthetic, seeds[1]));
        assertThat(report.predictiveFloor())
                .isEqualTo(new PredictiveMetric(config, Gemm.plainJava()).floor(real, seeds[2]));
        assertThat(report.distribution()).isEqualTo(DistributionStats.compare(real, synthetic, config.acfLags()));
    }
}

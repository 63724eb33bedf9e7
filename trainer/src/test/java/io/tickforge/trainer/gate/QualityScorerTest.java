package io.tickforge.trainer.gate;

import io.tickforge.schemas.ModelMetadata.Scores;
import io.tickforge.timegan.data.MinMaxScaler;
import io.tickforge.timegan.model.TimeGan;
import io.tickforge.timegan.model.TimeGanConfig;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.trainer.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QualityScorerTest {

    private static final MinMaxScaler SCALER = MinMaxScaler.of(new double[5], new double[] {40, 40, 40, 40, 40});

    private static TimeGan model(int steps) {
        var t = Fixtures.tinyTraining();
        var config = t.timeGan(1, 3);
        return new TimeGan(new TimeGanConfig(config.features(), config.hidden(),
                config.layers(), steps, config.batch(), config.gamma(), config.discriminatorThreshold(),
                config.adam(), config.init(), config.cell(), 1, 3), Gemm.plainJava());
    }

    @Test
    void shouldGiveTheSameScoresWhenScoringTwice() {
        QualityScorer scorer = new QualityScorer(Fixtures.tinyGate(), 11);
        HeldOutWindows heldOut = HeldOutWindowsTest.windows(20, 6);

        Scores a = scorer.score(model(6), SCALER, heldOut, Gemm.openBlas());
        Scores b = scorer.score(model(6), SCALER, heldOut, Gemm.openBlas());

        assertThat(a).isEqualTo(b);
    }

    @Test
    void shouldMeasureBothScoresWithinTheirRanges() {
        Scores s = new QualityScorer(Fixtures.tinyGate(), 11).score(model(6), SCALER,
                HeldOutWindowsTest.windows(20, 6), Gemm.openBlas());

        assertThat(s.discriminative()).isBetween(0.0, 0.5);
        assertThat(s.discriminativeStd()).isZero();
        assertThat(s.predictive()).isFinite().isPositive();
    }

    @Test
    void shouldNameTheShapeWhenTheModelsStepsDiffer() {
        QualityScorer scorer = new QualityScorer(Fixtures.tinyGate(), 11);

        assertThatThrownBy(() -> scorer.score(model(7), SCALER, HeldOutWindowsTest.windows(20, 6), Gemm.plainJava()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 steps")
                .hasMessageContaining("got 5 and 7");
    }
}

package io.tickforge.timegan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.RecurrentCell;
import org.junit.jupiter.api.Test;

class TimeGanConfigTest {

    @Test
    void shouldGiveThePapersValuesWhenAskedForTheReference() {
        TimeGanConfig c = TimeGanConfig.reference(6);
        assertThat(c.features()).isEqualTo(6);
        assertThat(c.hidden()).isEqualTo(24);
        assertThat(c.layers()).isEqualTo(3);
        assertThat(c.batch()).isEqualTo(128);
        assertThat(c.steps()).isEqualTo(24);
        assertThat(c.gamma()).isEqualTo(1.0);
        assertThat(c.learningRate()).isEqualTo(0.001);
        assertThat(c.iterationsPerPhase()).isEqualTo(10_000);
        assertThat(c.cell()).isEqualTo(RecurrentCell.GRU);
        assertThat(c.clipNorm()).isZero();
        assertThat(c.weightDecay()).isZero();
    }

    @Test
    void shouldDefaultToGruAndTheTutorialIterationsWhenBuiltWithTheModelFieldsOnly() {
        TimeGanConfig c = new TimeGanConfig(3, 4, 2, 5, 6, 1.0, 0.15, AdamConfig.tf1Defaults(),
                GruInit.GLOROT_ORTHOGONAL);
        assertThat(c.cell()).isEqualTo(RecurrentCell.GRU);
        assertThat(c.iterationsPerPhase()).isEqualTo(TimeGanConfig.REFERENCE_ITERATIONS);
        assertThat(c.seed()).isZero();
    }

    @Test
    void shouldKeepNoWeightAverageWhenBuiltAsTheReferenceOrWithoutADecay() {
        assertThat(TimeGanConfig.reference(6).emaDecay()).isZero();
        assertThat(TimeGanConfig.reference(6).averagesWeights()).isFalse();
        TimeGanConfig c = new TimeGanConfig(3, 4, 2, 5, 6, 1.0, 0.15, AdamConfig.tf1Defaults(),
                GruInit.GLOROT_ORTHOGONAL, RecurrentCell.GRU, 100, 7L);
        assertThat(c.emaDecay()).isZero();
    }

    @Test
    void shouldChangeOnlyTheDecayWhenCopiedWithAWeightAverage() {
        TimeGanConfig c = TimeGanConfig.reference(6).withSeed(9).withLearningRate(0.002);
        TimeGanConfig ema = c.withEmaDecay(0.999);
        assertThat(ema.emaDecay()).isEqualTo(0.999);
        assertThat(ema.averagesWeights()).isTrue();
        assertThat(ema.withEmaDecay(0)).isEqualTo(c);
        assertThat(ema.withSeed(9).withCell(RecurrentCell.GRU).emaDecay()).isEqualTo(0.999);
    }

    @Test
    void shouldKeepTheJointScheduleWhenCopiedWithOtherValues() {
        TimeGanConfig c = TimeGanConfig.reference(6);
        assertThat(c.jointLearningRate()).isEqualTo(JointLearningRate.constant());
        JointLearningRate schedule = new JointLearningRate(2.0, 0.5);
        TimeGanConfig scheduled = c.withJointLearningRate(schedule);
        assertThat(scheduled.withSeed(3).withEmaDecay(0.999).withIterationsPerPhase(10).withCell(RecurrentCell.LSTM)
                .withLearningRate(0.002).jointLearningRate()).isEqualTo(schedule);
        assertThat(scheduled.withJointLearningRate(JointLearningRate.constant())).isEqualTo(c);
    }

    @Test
    void shouldNameTheFieldWhenTheJointScheduleIsMissing() {
        assertThatThrownBy(() -> TimeGanConfig.reference(6).withJointLearningRate(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("jointLearningRate");
    }

    @Test
    void shouldNameTheFieldWhenTheWeightAverageDecayIsOutOfRange() {
        for (double bad : new double[] {-0.1, 1.0, 2.0, Double.NaN}) {
            assertThatThrownBy(() -> TimeGanConfig.reference(6).withEmaDecay(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("emaDecay");
        }
    }

    @Test
    void shouldChangeOnlyTheNamedFieldWhenCopiedWithANewValue() {
        TimeGanConfig c = TimeGanConfig.reference(6);
        TimeGanConfig d = c.withCell(RecurrentCell.LSTM).withClipNorm(1.5).withWeightDecay(0.01)
                .withLearningRate(0.0005).withIterationsPerPhase(7).withSeed(42);
        assertThat(d.cell()).isEqualTo(RecurrentCell.LSTM);
        assertThat(d.clipNorm()).isEqualTo(1.5);
        assertThat(d.weightDecay()).isEqualTo(0.01);
        assertThat(d.learningRate()).isEqualTo(0.0005);
        assertThat(d.iterationsPerPhase()).isEqualTo(7);
        assertThat(d.seed()).isEqualTo(42);
        assertThat(d.adam().beta1()).isEqualTo(c.adam().beta1());
        assertThat(d.withCell(RecurrentCell.GRU).withClipNorm(0).withWeightDecay(0).withLearningRate(0.001)
                .withIterationsPerPhase(10_000).withSeed(0)).isEqualTo(c);
    }

    @Test
    void shouldNameTheFieldWhenIterationsPerPhaseIsNotPositive() {
        assertThatThrownBy(() -> TimeGanConfig.reference(6).withIterationsPerPhase(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iterationsPerPhase")
                .hasMessageContaining("0");
    }

    @Test
    void shouldNameTheFieldWhenCellIsMissing() {
        assertThatThrownBy(() -> TimeGanConfig.reference(6).withCell(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("cell");
    }

    @Test
    void shouldNameTheFieldWhenClipNormOrWeightDecayIsNegative() {
        assertThatThrownBy(() -> TimeGanConfig.reference(6).withClipNorm(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clipNorm")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> TimeGanConfig.reference(6).withWeightDecay(-0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weightDecay")
                .hasMessageContaining("-0.5");
        assertThatThrownBy(() -> TimeGanConfig.reference(6).withLearningRate(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate");
    }
}

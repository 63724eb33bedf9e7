package io.tickforge.timegan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JointLearningRateTest {

    @Test
    void shouldKeepTheConfiguredRateWhenConstant() {
        JointLearningRate constant = JointLearningRate.constant();
        assertThat(constant.isConstant()).isTrue();
        assertThat(constant.scale(0, 10)).isEqualTo(1.0);
        assertThat(constant.scale(9, 10)).isEqualTo(1.0);
    }

    @Test
    void shouldHoldThePeakWhenBeforeTheDecay() {
        JointLearningRate schedule = new JointLearningRate(2.0, 0.5);
        assertThat(schedule.isConstant()).isFalse();
        assertThat(schedule.scale(0, 10)).isEqualTo(2.0);
        assertThat(schedule.scale(4, 10)).isEqualTo(2.0);
    }

    @Test
    void shouldFallLinearlyToOneStepAboveZeroWhenDecaying() {
        JointLearningRate schedule = new JointLearningRate(2.0, 0.5);
        assertThat(schedule.scale(5, 10)).isEqualTo(2.0);
        assertThat(schedule.scale(6, 10)).isCloseTo(1.6, within(1e-12));
        assertThat(schedule.scale(9, 10)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void shouldDecayFromTheFirstIterationWhenDecayFromIsZero() {
        JointLearningRate schedule = new JointLearningRate(1.0, 0.0);
        assertThat(schedule.scale(0, 4)).isEqualTo(1.0);
        assertThat(schedule.scale(3, 4)).isEqualTo(0.25);
    }

    @Test
    void shouldNameThePeakWhenItIsNotPositive() {
        assertThatThrownBy(() -> new JointLearningRate(0.0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jointLearningRate.peak").hasMessageContaining("0.0");
    }

    @Test
    void shouldNameDecayFromWhenItIsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new JointLearningRate(1.0, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jointLearningRate.decayFrom").hasMessageContaining("1.5");
    }

    @Test
    void shouldRejectAnIterationWhenOutsideThePhase() {
        assertThatThrownBy(() -> JointLearningRate.constant().scale(10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iteration").hasMessageContaining("10");
    }
}

package io.tickforge.producer.synth.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalGridTest {

    private static final DecimalGrid CENT = new DecimalGrid(0.01);

    @Test
    void shouldGiveTheDoubleNearestTheDecimalWhenValuingSteps() {
        assertThat(CENT.value(10_003)).isEqualTo(100.03);
        assertThat(CENT.value(8_503)).isEqualTo(85.03);
        assertThat(new DecimalGrid(0.25).value(49)).isEqualTo(12.25);
        assertThat(new DecimalGrid(100).value(3)).isEqualTo(300.0);
        assertThat(CENT.scale()).isEqualTo(2);
        assertThat(new DecimalGrid(100).scale()).isZero();
    }

    @Test
    void shouldRoundToTheNearestStepWhenTheValueIsBetweenSteps() {
        assertThat(CENT.nearest(85.02634958529133)).isEqualTo(85.03);
        assertThat(CENT.floor(85.02634958529133)).isEqualTo(85.02);
        assertThat(CENT.ceil(85.02134958529133)).isEqualTo(85.03);
        assertThat(new DecimalGrid(0.5).nearest(7.3)).isEqualTo(7.5);
    }

    @Test
    void shouldKeepAPositivePriceAtLeastOneStepWhenItRoundsToZero() {
        assertThat(CENT.nearestPositive(0.001)).isEqualTo(0.01);
        assertThat(CENT.nearest(0.001)).isZero();
    }

    @Test
    void shouldLeaveAValueUnroundedWhenTheGridCannotCoverIt() {
        assertThat(CENT.covers(1e20)).isFalse();
        assertThat(CENT.nearest(1.234567e20)).isEqualTo(1.234567e20);
        assertThat(CENT.covers(1e9)).isTrue();
    }

    @Test
    void shouldRefuseAStepWhenItIsNotAShortPositiveDecimal() {
        assertThatThrownBy(() -> new DecimalGrid(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step").hasMessageContaining("0.0");
        assertThatThrownBy(() -> new DecimalGrid(1e-10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decimals").hasMessageContaining("1.0E-10");
    }
}

package io.tickforge.cli.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplaySpeedTest {

    @ParameterizedTest
    @ValueSource(strings = {"max", "MAX", " Max "})
    void shouldParseMaxWhenValueIsMaxInAnyCase(String text) {
        assertThat(ReplaySpeed.parse(text).isMax()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", "100.0", "1e2", "+100"})
    void shouldParseARateWhenValueIsAPlainPositiveNumber(String text) {
        assertThat(ReplaySpeed.parse(text)).isEqualTo(new ReplaySpeed(ReplaySpeed.Mode.RATE, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100x", "100X", "1e2x"})
    void shouldParseAMultiplierWhenValueEndsInX(String text) {
        assertThat(ReplaySpeed.parse(text)).isEqualTo(new ReplaySpeed(ReplaySpeed.Mode.MULTIPLIER, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc", "", "NaN", "Infinity", "1e999", "fast", "x", "0x"})
    void shouldRejectValueNamingOptionAndValueWhenItIsNotPositiveNumberOrMax(String text) {
        assertThatThrownBy(() -> ReplaySpeed.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--speed")
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void shouldSpaceBarsEvenlyWhenSpeedIsARate() {
        ReplaySpeed speed = ReplaySpeed.parse("100");

        assertThat(speed.offsetNanos(0, 0)).isZero();
        assertThat(speed.offsetNanos(3, 999_999_999L)).isEqualTo(30_000_000L);
    }

    @Test
    void shouldDivideEventTimeByTheMultiplierWhenSpeedIsAMultiplier() {
        // two daily bars at 100x: 864 s apart
        assertThat(ReplaySpeed.parse("100x").offsetNanos(1, 86_400_000L)).isEqualTo(864_000_000_000L);
    }

    @Test
    void shouldNotWaitWhenSpeedIsMax() {
        assertThat(ReplaySpeed.MAX.offsetNanos(1_000, 86_400_000L)).isZero();
    }

    @Test
    void shouldRenderAsTypedWhenPrinted() {
        assertThat(ReplaySpeed.parse("100")).hasToString("100");
        assertThat(ReplaySpeed.parse("2.5x")).hasToString("2.5x");
        assertThat(ReplaySpeed.MAX).hasToString("max");
    }
}

package io.tickforge.cli.simulate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorConfigTest {
    private static final long START = 1_700_000_000_000L;

    @Test
    void shouldRejectConfigWhenSymbolCountIsZero() {
        assertThatThrownBy(() -> SimulatorConfig.defaults(0, 1L, START, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbols").hasMessageContaining("was 0");
    }

    @Test
    void shouldRejectConfigWhenRateIsNotPositive() {
        assertThatThrownBy(() -> SimulatorConfig.defaults(1, 1L, START, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratePerSecond").hasMessageContaining("was 0.0");
    }

    @Test
    void shouldRejectConfigWhenStartIsNotAnEpochMillisecond() {
        assertThatThrownBy(() -> SimulatorConfig.defaults(1, 1L, 1_000L, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("startMillis").hasMessageContaining("was 1000");
    }

    @Test
    void shouldRejectPriceModelWhenGarchIsNotStationary() {
        assertThatThrownBy(() -> new PriceModel(20, 400, 0.001, 0.002, 0.2, 0.8, 4, 0, 0, 0, 0.01, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("garchAlpha + garchBeta");
    }

    @Test
    void shouldRejectPriceModelWhenTailsHaveNoVariance() {
        assertThatThrownBy(() -> new PriceModel(20, 400, 0.001, 0.002, 0.08, 0.9, 2, 0, 0, 0, 0.01, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tailDegreesOfFreedom").hasMessageContaining("was 2.0");
    }

    @Test
    void shouldRejectVolumeModelWhenSessionHasNoLength() {
        assertThatThrownBy(() -> new VolumeModel(20, 400, 1, 1, 0.5, ZoneId.of("UTC"), LocalTime.NOON,
                LocalTime.NOON, 2, 1.5, Duration.ofMinutes(30), 0.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessionClose");
    }
}

package io.tickforge.cli.replay;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayConfigTest {
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void shouldRejectSymbolNamingItWhenItContainsWhitespace() {
        assertThatThrownBy(() -> ReplayConfig.of("GO OG", START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("symbol ").hasMessageContaining("'GO OG'");
    }

    @Test
    void shouldRejectIntervalNamingItWhenItIsZero() {
        assertThatThrownBy(() -> new ReplayConfig("GOOG", START, Duration.ZERO, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("interval ").hasMessageContaining("PT0S");
    }

    @Test
    void shouldRejectStartNamingItWhenItIsBeforeBarTimes() {
        assertThatThrownBy(() -> ReplayConfig.of("GOOG", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("start ").hasMessageContaining("1970-01-01T00:00:00Z");
    }
}

package io.tickforge.cli.publish;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest {

    @Test
    void shouldReleaseRecordsEvenlyWhenPacingAConstantRate() {
        FakeTicker ticker = new FakeTicker();
        Pacer pacer = new Pacer(ticker);

        for (int i = 0; i < 5; i++) {
            pacer.awaitOffset(Pacer.offsetAtRate(i, 500));
        }

        // 500/s: one record every 2 ms, never a lump
        assertThat(ticker.parks).containsExactly(2_000_000L, 2_000_000L, 2_000_000L, 2_000_000L);
        assertThat(pacer.elapsedNanos()).isEqualTo(8_000_000L);
    }

    @Test
    void shouldNotWaitAndShouldReportLatenessWhenTheSenderIsBehind() {
        FakeTicker ticker = new FakeTicker();
        Pacer pacer = new Pacer(ticker);
        pacer.awaitOffset(0);
        ticker.advance(10_000_000L);

        long late = pacer.awaitOffset(Pacer.offsetAtRate(1, 1000));

        assertThat(ticker.parks).isEmpty();
        assertThat(late).isEqualTo(9_000_000L);
    }

    @Test
    void shouldSpaceFractionalRatesExactly() {
        assertThat(Pacer.offsetAtRate(3, 0.5)).isEqualTo(6_000_000_000L);
    }
}

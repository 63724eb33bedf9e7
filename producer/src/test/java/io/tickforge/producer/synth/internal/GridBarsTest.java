package io.tickforge.producer.synth.internal;

import io.tickforge.schemas.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class GridBarsTest {

    private static final long START = 1_767_225_600_000L;
    private static final DecimalGrid CENT = new DecimalGrid(0.01);
    private static final DecimalGrid LOT = new DecimalGrid(100);

    private static boolean onGrid(double v, DecimalGrid grid) {
        return grid.value(grid.steps(v)) == v;
    }

    @Test
    void shouldKeepTheBarInvariantsWhenPricesAreRoundedToTheGrid() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 5_000; i++) {
            double level = Math.exp(-6 + 12 * r.nextDouble());
            double open = level * (1 + 0.01 * r.nextGaussian());
            double close = level * (1 + 0.01 * r.nextGaussian());
            double high = Math.max(open, close) * (1 + 0.002 * r.nextDouble());
            double low = Math.min(open, close) * (1 - 0.002 * r.nextDouble());
            Bar bar = new Bar("SYN-A-0001", START, 1000, open, high, low, close, 1e4 * r.nextDouble(), 3);

            Bar snapped = GridBars.snap(bar, CENT, LOT);

            assertThat(snapped.high()).as("%s", bar).isGreaterThanOrEqualTo(Math.max(snapped.open(), snapped.close()));
            assertThat(snapped.low()).as("%s", bar).isLessThanOrEqualTo(Math.min(snapped.open(), snapped.close()))
                    .isGreaterThanOrEqualTo(0.01);
            assertThat(snapped.volume()).isNotNegative();
            assertThat(List.of(snapped.open(), snapped.high(), snapped.low(), snapped.close()))
                    .allSatisfy(p -> assertThat(onGrid(p, CENT)).as("%s on the cent grid", p).isTrue());
            assertThat(onGrid(snapped.volume(), LOT)).as("%s in lots of 100", snapped.volume()).isTrue();
            assertThat(snapped.tradeCount()).isEqualTo(3);
        }
    }

    @Test
    void shouldRaiseAPriceBelowOneIncrementToOneIncrementWhenSnapped() {
        Bar bar = new Bar("SYN-A-0001", START, 1000, 0.004, 0.006, 0.001, 0.002, 0, 0);

        Bar snapped = GridBars.snap(bar, CENT, LOT);

        assertThat(snapped).isEqualTo(new Bar("SYN-A-0001", START, 1000, 0.01, 0.01, 0.01, 0.01, 0, 0));
    }
}

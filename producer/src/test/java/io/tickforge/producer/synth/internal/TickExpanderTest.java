package io.tickforge.producer.synth.internal;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TickExpanderTest {

    private static final long START = 1_767_225_600_000L;
    private static final DecimalGrid CENT = new DecimalGrid(0.01);
    private static final DecimalGrid UNIT = new DecimalGrid(1);

    private static List<Tick> expand(Bar bar, int count, SplittableRandom rng) {
        return TickExpander.expand(bar, count, rng, CENT, UNIT);
    }

    /**
     * Seeded random valid bars on the cent and unit grids, including ones whose open or close is the high or the low,
     * and flat ones.
     */
    private static List<Bar> bars() {
        SplittableRandom r = new SplittableRandom(11);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double open = 50 + 100 * r.nextDouble();
            double close = open * Math.exp(0.02 * r.nextGaussian());
            double high = Math.max(open, close) * (i % 5 == 0 ? 1 : 1 + 0.01 * r.nextDouble());
            double low = Math.min(open, close) * (i % 7 == 0 ? 1 : 1 - 0.01 * r.nextDouble());
            if (i % 50 == 0) {
                high = open;
                low = open;
                close = open;
            }
            bars.add(GridBars.snap(new Bar("SYN-A-0001", START + i * 1000L, 1000, open, high, low, close,
                    i % 11 == 0 ? 0 : (i % 13 == 0 ? 3 : 1e6 * r.nextDouble()), 0), CENT, UNIT));
        }
        return bars;
    }

    @Test
    void shouldTradeTheFirstTickAtTheOpenAndTheLastAtTheCloseWhenExpanded() {
        for (Bar bar : bars()) {
            List<Tick> ticks = expand(bar, 10, new SplittableRandom(1));

            assertThat(ticks).hasSize(10);
            assertThat(ticks.get(0).price()).as("%s", bar).isEqualTo(bar.open());
            assertThat(ticks.get(9).price()).as("%s", bar).isEqualTo(bar.close());
        }
    }

    @Test
    void shouldTouchTheHighAndTheLowExactlyWhenExpanded() {
        for (Bar bar : bars()) {
            List<Tick> ticks = expand(bar, 6, new SplittableRandom(2));

            assertThat(ticks.stream().mapToDouble(Tick::price).max().orElseThrow()).as("%s", bar).isEqualTo(bar.high());
            assertThat(ticks.stream().mapToDouble(Tick::price).min().orElseThrow()).as("%s", bar).isEqualTo(bar.low());
        }
    }

    @Test
    void shouldSplitTheVolumeAcrossTheTicksWhenExpanded() {
        for (Bar bar : bars()) {
            List<Tick> ticks = expand(bar, 8, new SplittableRandom(3));

            assertThat(ticks).allSatisfy(t -> assertThat(t.size()).isGreaterThanOrEqualTo(0));
            assertThat(ticks.stream().mapToDouble(Tick::size).sum()).as("%s", bar)
                    .isCloseTo(bar.volume(), within(1e-9 * Math.max(1, bar.volume())));
        }
    }

    @Test
    void shouldKeepTimestampsInsideTheBarAndInOrderWhenExpanded() {
        for (Bar bar : bars()) {
            List<Tick> ticks = expand(bar, 25, new SplittableRandom(4));

            assertThat(ticks).allSatisfy(t -> assertThat(t.ts()).isBetween(bar.start(), bar.end() - 1));
            assertThat(ticks).extracting(Tick::ts).isSorted();
            assertThat(ticks).extracting(Tick::symbol).containsOnly(bar.symbol());
        }
    }

    @Test
    void shouldQuoteABidBelowAndAnAskAboveEachTradeWhenExpanded() {
        for (Bar bar : bars()) {
            for (Tick t : expand(bar, 8, new SplittableRandom(5))) {
                assertThat(t.bid()).isPositive().isLessThan(t.price());
                assertThat(t.ask()).isGreaterThan(t.price());
            }
        }
    }

    @Test
    void shouldGiveTheSameTicksWhenTheRandomSourceIsSeededTheSame() {
        Bar bar = bars().get(3);

        assertThat(expand(bar, 12, new SplittableRandom(9)))
                .isEqualTo(expand(bar, 12, new SplittableRandom(9)))
                .isNotEqualTo(expand(bar, 12, new SplittableRandom(10)));
    }

    @Test
    void shouldWanderBetweenTheAnchorsWhenTheBarHasARange() {
        Bar bar = new Bar("SYN-A-0001", START, 60_000, 100, 104, 97, 101, 5000, 0);
        List<Tick> ticks = expand(bar, 200, new SplittableRandom(6));

        long distinct = ticks.stream().mapToDouble(Tick::price).distinct().count();
        assertThat(distinct).as("a path, not a few repeated levels").isGreaterThan(100);
    }

    @Test
    void shouldPutPricesAndQuotesOnThePriceGridWhenExpanded() {
        for (Bar bar : bars()) {
            for (Tick t : expand(bar, 12, new SplittableRandom(7))) {
                assertThat(List.of(t.price(), t.bid(), t.ask())).allSatisfy(p ->
                        assertThat(p).as("%s", t).isEqualTo(CENT.value(Math.round(p * 100))));
                assertThat(t.price()).isBetween(bar.low(), bar.high());
            }
        }
    }

    @Test
    void shouldSplitTheVolumeIntoWholeLotsSummingToItWhenExpanded() {
        for (Bar bar : bars()) {
            List<Tick> ticks = TickExpander.expand(bar, 8, new SplittableRandom(8), CENT, UNIT);

            assertThat(ticks).allSatisfy(t -> assertThat(t.size()).isEqualTo(Math.rint(t.size())).isNotNegative());
            assertThat(ticks.stream().mapToLong(t -> (long) t.size()).sum()).as("%s", bar)
                    .isEqualTo((long) bar.volume());
        }
    }

    @Test
    void shouldQuoteAtLeastOneIncrementWhenThePriceIsOneIncrement() {
        Bar bar = new Bar("SYN-A-0001", START, 1000, 0.01, 0.02, 0.01, 0.01, 10, 0);

        for (Tick t : expand(bar, 10, new SplittableRandom(12))) {
            assertThat(t.bid()).isEqualTo(0.01);
            assertThat(t.ask()).isGreaterThanOrEqualTo(t.price());
        }
    }
}

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

    /** Seeded random valid bars, including ones whose open or close is the high or the low, and flat ones. */
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
            bars.add(new Bar("SYN-A-0001", START + i * 1000L, 1000, open, high, low, close,
                    i % 11 == 0 ? 0 : 1e6 * r.nextDouble(), 0));
        }
        return bars;
    }

    @Test
    void shouldTradeTheFirstTickAtTheOpenAndTheLastAtTheCloseWhenExpanded() {
        for (Bar bar : bars()) {
            List<Tick> ticks = TickExpander.expand(bar, 10, new SplittableRandom(1));

            assertThat(ticks).hasSize(10);
            assertThat(ticks.get(0).price()).as("%s", bar).isEqualTo(bar.open());
            assertThat(ticks.get(9).price()).as("%s", bar).isEqualTo(bar.close());
        }
    }

    @Test
    void shouldTouchTheHighAndTheLowExactlyWhenExpanded() {
        for (Bar bar : bars()) {
            List<Tick> ticks = TickExpander.expand(bar, 6, new SplittableRandom(2));

            assertThat(ticks.stream().mapToDouble(Tick::price).max().orElseThrow()).as("%s", bar).isEqualTo(bar.high());
            assertThat(ticks.stream().mapToDouble(Tick::price).min().orElseThrow()).as("%s", bar).isEqualTo(bar.low());
        }
    }

    @Test
    void shouldSplitTheVolumeAcrossTheTicksWhenExpanded() {
        for (Bar bar : bars()) {
            List<Tick> ticks = TickExpander.expand(bar, 8, new SplittableRandom(3));

            assertThat(ticks).allSatisfy(t -> assertThat(t.size()).isGreaterThanOrEqualTo(0));
            assertThat(ticks.stream().mapToDouble(Tick::size).sum()).as("%s", bar)
                    .isCloseTo(bar.volume(), within(1e-9 * Math.max(1, bar.volume())));
        }
    }

    @Test
    void shouldKeepTimestampsInsideTheBarAndInOrderWhenExpanded() {
        for (Bar bar : bars()) {
            List<Tick> ticks = TickExpander.expand(bar, 25, new SplittableRandom(4));

            assertThat(ticks).allSatisfy(t -> assertThat(t.ts()).isBetween(bar.start(), bar.end() - 1));
            assertThat(ticks).extracting(Tick::ts).isSorted();
            assertThat(ticks).extracting(Tick::symbol).containsOnly(bar.symbol());
        }
    }

    @Test
    void shouldQuoteABidBelowAndAnAskAboveEachTradeWhenExpanded() {
        for (Bar bar : bars()) {
            for (Tick t : TickExpander.expand(bar, 8, new SplittableRandom(5))) {
                assertThat(t.bid()).isPositive().isLessThan(t.price());
                assertThat(t.ask()).isGreaterThan(t.price());
            }
        }
    }

    @Test
    void shouldGiveTheSameTicksWhenTheRandomSourceIsSeededTheSame() {
        Bar bar = bars().get(3);

        assertThat(TickExpander.expand(bar, 12, new SplittableRandom(9)))
                .isEqualTo(TickExpander.expand(bar, 12, new SplittableRandom(9)))
                .isNotEqualTo(TickExpander.expand(bar, 12, new SplittableRandom(10)));
    }

    @Test
    void shouldWanderBetweenTheAnchorsWhenTheBarHasARange() {
        Bar bar = new Bar("SYN-A-0001", START, 60_000, 100, 104, 97, 101, 5000, 0);
        List<Tick> ticks = TickExpander.expand(bar, 200, new SplittableRandom(6));

        long distinct = ticks.stream().mapToDouble(Tick::price).distinct().count();
        assertThat(distinct).as("a path, not a few repeated levels").isGreaterThan(100);
    }
}

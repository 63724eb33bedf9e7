package io.tickforge.cli.simulate;

import io.tickforge.schemas.Tick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketSimulatorTest {
    private static final long START = 1_700_000_000_000L;

    private static List<Tick> run(SimulatorConfig config, int ticks) {
        MarketSimulator simulator = new MarketSimulator(config);
        List<Tick> result = new ArrayList<>(ticks);
        for (int i = 0; i < ticks; i++) {
            result.add(simulator.next());
        }
        return result;
    }

    @Test
    void shouldProduceIdenticalTicksWhenSeedIsTheSame() {
        SimulatorConfig config = SimulatorConfig.defaults(3, 42L, START, 100);

        assertThat(run(config, 10_000)).isEqualTo(run(config, 10_000));
    }

    @Test
    void shouldProduceDifferentTicksWhenSeedDiffers() {
        List<Tick> first = run(SimulatorConfig.defaults(3, 42L, START, 100), 10_000);
        List<Tick> second = run(SimulatorConfig.defaults(3, 43L, START, 100), 10_000);

        assertThat(first).extracting(Tick::symbol).isNotEqualTo(second.stream().map(Tick::symbol).toList());
        assertThat(first).extracting(Tick::price).isNotEqualTo(second.stream().map(Tick::price).toList());
        assertThat(first).extracting(Tick::size).isNotEqualTo(second.stream().map(Tick::size).toList());
    }

    @Test
    void shouldNameSymbolsUniquelyWithSimPrefixWhenManySymbolsRun() {
        List<String> symbols = new MarketSimulator(SimulatorConfig.defaults(2_000, 7L, START, 100)).symbols();

        assertThat(symbols).hasSize(2_000).doesNotHaveDuplicates().allMatch(s -> s.matches("SIM-[A-Z]{3,4}"));
    }

    @Test
    void shouldGiveSymbolsTurnsInOrderWhenSeveralSymbolsRun() {
        MarketSimulator simulator = new MarketSimulator(SimulatorConfig.defaults(4, 1L, START, 100));
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add(simulator.symbols().get(i % 4));
            actual.add(simulator.next().symbol());
        }

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void shouldKeepExistingSymbolPathsWhenSymbolCountGrows() {
        List<Tick> two = run(SimulatorConfig.defaults(2, 5L, START, 100), 2_000);
        List<Tick> three = run(SimulatorConfig.defaults(3, 5L, START, 100), 3_000);

        assertThat(pricesOf(three, two.get(0).symbol())).isEqualTo(pricesOf(two, two.get(0).symbol()));
    }

    @Test
    void shouldSpaceEventTimesByRateAcrossAllSymbolsWhenRateIsGiven() {
        List<Tick> ticks = run(SimulatorConfig.defaults(3, 9L, START, 400), 1_000);

        for (int i = 0; i < ticks.size(); i++) {
            assertThat(ticks.get(i).ts()).as("tick %d", i).isEqualTo(START + (long) Math.floor(i * 2.5));
        }
    }

    @Test
    void shouldReportNextEventTimeWhenAskedBeforeNext() {
        MarketSimulator simulator = new MarketSimulator(SimulatorConfig.defaults(2, 9L, START, 3));
        simulator.next();
        long announced = simulator.nextEventTime();

        assertThat(simulator.next().ts()).isEqualTo(announced).isEqualTo(START + 333);
    }

    @Test
    void shouldQuoteBidAtOrBelowPriceAndAskAboveBidWhenRunLong() {
        for (Tick tick : run(SimulatorConfig.defaults(5, 11L, START, 50), 100_000)) {
            assertThat(tick.bid()).as("bid of %s", tick).isPositive().isLessThanOrEqualTo(tick.price());
            assertThat(tick.ask()).as("ask of %s", tick).isGreaterThan(tick.bid()).isGreaterThanOrEqualTo(tick.price());
        }
    }

    @Test
    void shouldPutPricesOnTickGridAndSizesInWholeLotsWhenRunLong() {
        for (Tick tick : run(SimulatorConfig.defaults(5, 13L, START, 50), 20_000)) {
            assertThat(BigDecimal.valueOf(tick.price()).scale()).as("price of %s", tick).isLessThanOrEqualTo(2);
            assertThat(BigDecimal.valueOf(tick.bid()).scale()).as("bid of %s", tick).isLessThanOrEqualTo(2);
            assertThat(BigDecimal.valueOf(tick.ask()).scale()).as("ask of %s", tick).isLessThanOrEqualTo(2);
            assertThat(tick.size()).as("size of %s", tick).isGreaterThanOrEqualTo(1).isEqualTo(Math.rint(tick.size()));
        }
    }

    @Test
    void shouldKeepPricesPositiveWhenVolatilityIsExtremeAndPricesAreTiny() {
        PriceModel wild = new PriceModel(0.02, 0.05, 0.05, 0.05, 0.15, 0.84, 3.0, 0.01, 10, 0, 0.01, 0.01, 1.0);
        List<Tick> ticks = run(SimulatorConfig.defaults(2, 17L, START, 50).withPrice(wild), 50_000);

        assertThat(ticks).allSatisfy(tick -> {
            assertThat(tick.price()).isGreaterThanOrEqualTo(0.01);
            assertThat(tick.bid()).isGreaterThanOrEqualTo(0.01);
        });
    }

    @Test
    void shouldDrawDifferentPriceLevelsAndVolatilitiesWhenSymbolsDiffer() {
        MarketSimulator simulator = new MarketSimulator(SimulatorConfig.defaults(4, 21L, START, 50));
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            ticks.add(simulator.next());
        }
        List<Double> firstPrices = new ArrayList<>();
        List<Double> volatilities = new ArrayList<>();
        for (String symbol : simulator.symbols()) {
            List<Double> prices = pricesOf(ticks, symbol);
            double[] returns = new double[prices.size() - 1];
            for (int i = 1; i < prices.size(); i++) {
                returns[i - 1] = Math.log(prices.get(i) / prices.get(i - 1));
            }
            firstPrices.add(prices.get(0));
            volatilities.add(Math.sqrt(variance(returns)));
        }

        assertThat(max(firstPrices) / min(firstPrices)).as("price levels %s", firstPrices).isGreaterThan(1.5);
        assertThat(max(volatilities) / min(volatilities)).as("volatilities %s", volatilities).isGreaterThan(1.2);
    }

    private static List<Double> pricesOf(List<Tick> ticks, String symbol) {
        List<Double> prices = new ArrayList<>();
        for (Tick tick : ticks) {
            if (tick.symbol().equals(symbol)) {
                prices.add(tick.price());
            }
        }
        return prices;
    }

    private static double variance(double[] x) {
        double m = ReturnStatistics.mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return sum / x.length;
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    @Test
    void shouldAggregateOnlyTheSymbolsTicksIntoAlignedBarsWhenDrawingBars() {
        MarketSimulator market = new MarketSimulator(SimulatorConfig.defaults(2, 42L, START, 100));
        String symbol = market.symbols().get(1);

        List<io.tickforge.schemas.Bar> bars = market.nextBars(symbol, 20, 1_000);

        assertThat(bars).hasSize(20);
        assertThat(bars).allSatisfy(b -> {
            assertThat(b.symbol()).isEqualTo(symbol);
            assertThat(b.start() % 1_000).isZero();
            assertThat(b.high()).isGreaterThanOrEqualTo(Math.max(b.open(), b.close()));
            assertThat(b.low()).isLessThanOrEqualTo(Math.min(b.open(), b.close()));
        });
        // 100 ticks/s over 2 symbols: 50 of this symbol's ticks per full 1 s bar
        assertThat(bars.subList(1, 20)).extracting(io.tickforge.schemas.Bar::tradeCount).containsOnly(50L);
    }

    @Test
    void shouldNameTheSymbolWhenDrawingBarsOfAnUnknownOne() {
        MarketSimulator market = new MarketSimulator(SimulatorConfig.defaults(1, 42L, START, 100));

        assertThatThrownBy(() -> market.nextBars("NOPE", 1, 1_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOPE");
    }
}

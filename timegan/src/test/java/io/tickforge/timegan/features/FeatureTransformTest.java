package io.tickforge.timegan.features;

import io.tickforge.schemas.Bar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeatureTransformTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long INTERVAL = 1_000L;

    /** A seeded random walk of valid bars, oldest first. */
    static List<Bar> walk(String symbol, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Bar> bars = new ArrayList<>();
        double close = 100;
        for (int i = 0; i < n; i++) {
            double open = close * Math.exp(0.001 * rng.nextGaussian());
            close = open * Math.exp(0.01 * rng.nextGaussian());
            double high = Math.max(open, close) * Math.exp(0.005 * Math.abs(rng.nextGaussian()));
            double low = Math.min(open, close) * Math.exp(-0.005 * Math.abs(rng.nextGaussian()));
            double volume = i % 7 == 3 ? 0 : rng.nextDouble(0, 5_000);
            bars.add(new Bar(symbol, T0 + i * INTERVAL, INTERVAL, open, high, low, close, volume, 0));
        }
        return bars;
    }

    private static void assertSameBars(List<Bar> actual, List<Bar> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            Bar a = actual.get(i);
            Bar e = expected.get(i);
            assertThat(a.symbol()).isEqualTo(e.symbol());
            assertThat(a.start()).isEqualTo(e.start());
            assertThat(a.intervalMs()).isEqualTo(e.intervalMs());
            assertThat(a.open()).isCloseTo(e.open(), within(1e-9 * e.open()));
            assertThat(a.high()).isCloseTo(e.high(), within(1e-9 * e.high()));
            assertThat(a.low()).isCloseTo(e.low(), within(1e-9 * e.low()));
            assertThat(a.close()).isCloseTo(e.close(), within(1e-9 * e.close()));
            assertThat(a.volume()).isCloseTo(e.volume(), within(1e-9 * Math.max(1, e.volume())));
        }
    }

    @Test
    void shouldGiveTheBarsBackWhenLevelsAreInverted() {
        List<Bar> bars = walk("AAPL", 300, 1);

        List<Bar> back = FeatureTransform.LEVELS.inverse(FeatureTransform.LEVELS.forward(bars), "AAPL", T0, INTERVAL,
                Double.NaN);

        assertSameBars(back, bars);
    }

    @Test
    void shouldGiveTheBarsAfterTheFirstBackWhenLogReturnsAreChainedFromTheFirstClose() {
        List<Bar> bars = walk("AAPL", 300, 2);

        List<Bar> back = FeatureTransform.LOG_RETURNS.inverse(FeatureTransform.LOG_RETURNS.forward(bars), "AAPL",
                T0 + INTERVAL, INTERVAL, bars.get(0).close());

        assertSameBars(back, bars.subList(1, bars.size()));
    }

    @Test
    void shouldConsumeTheFirstBarWhenTakingLogReturns() {
        List<Bar> bars = walk("AAPL", 10, 3);

        double[][] rows = FeatureTransform.LOG_RETURNS.forward(bars);

        assertThat(rows).hasNumberOfRows(9);
        assertThat(FeatureTransform.LOG_RETURNS.consumedBars()).isEqualTo(1);
        assertThat(rows[0][3]).isCloseTo(Math.log(bars.get(1).close() / bars.get(0).close()), within(1e-15));
        assertThat(rows[0][4]).isCloseTo(Math.log1p(bars.get(1).volume()), within(1e-12));
    }

    @Test
    void shouldGiveNoRowsWhenLogReturnsHaveOneBar() {
        assertThat(FeatureTransform.LOG_RETURNS.forward(walk("AAPL", 1, 4))).isEmpty();
    }

    @Test
    void shouldKeepOneRowPerBarWhenTakingLevels() {
        List<Bar> bars = walk("AAPL", 10, 5);

        double[][] rows = FeatureTransform.LEVELS.forward(bars);

        assertThat(rows).hasNumberOfRows(10);
        assertThat(rows[4]).containsExactly(bars.get(4).open(), bars.get(4).high(), bars.get(4).low(),
                bars.get(4).close(), bars.get(4).volume());
        assertThat(FeatureTransform.LEVELS.consumedBars()).isZero();
    }

    @ParameterizedTest
    @EnumSource(FeatureTransform.class)
    void shouldYieldValidBarsWhenRowsAreRandom(FeatureTransform transform) {
        SplittableRandom rng = new SplittableRandom(6);
        double[][] rows = new double[2_000][5];
        for (double[] row : rows) {
            for (int f = 0; f < 5; f++) {
                // mostly moderate values, some huge ones of either sign
                row[f] = rng.nextInt(10) == 0 ? rng.nextDouble(-1e300, 1e300) : rng.nextDouble(-50, 50);
            }
        }

        List<Bar> bars = transform.inverse(rows, "SYN", T0, INTERVAL, 100);

        assertThat(bars).hasSize(rows.length).allSatisfy(FeatureTransformTest::assertValid);
    }

    @ParameterizedTest
    @EnumSource(FeatureTransform.class)
    void shouldYieldValidBarsWhenRowsAreAdversarial(FeatureTransform transform) {
        double max = Double.MAX_VALUE;
        double[][] rows = {
            {0, 0, 0, 0, 0},
            {-1, -1, -1, -1, -1},
            {5, 1, 9, 7, 3},
            {max, -max, max, -max, max},
            {-max, max, -max, max, -max},
            {Double.MIN_VALUE, -Double.MIN_VALUE, 0, -0.0, -0.0},
            {800, 800, 800, 800, 800},
            {-800, -800, -800, -800, -800},
        };

        List<Bar> bars = transform.inverse(rows, "SYN", T0, INTERVAL, 1.0);

        assertThat(bars).hasSize(rows.length).allSatisfy(FeatureTransformTest::assertValid);
    }

    @Test
    void shouldStayValidWhenLogReturnsDriftForAThousandBars() {
        double[][] rows = new double[1_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {700, 700, 700, 700, 1};
        }

        List<Bar> bars = FeatureTransform.LOG_RETURNS.inverse(rows, "SYN", T0, INTERVAL, 100);

        assertThat(bars).allSatisfy(FeatureTransformTest::assertValid);
        assertThat(bars.get(bars.size() - 1).close())
                .isCloseTo(FeatureTransform.MAX_PRICE, within(1e-9 * FeatureTransform.MAX_PRICE));
    }

    @Test
    void shouldSpaceBarsByTheIntervalWhenInverting() {
        double[][] rows = {{1, 2, 0.5, 1.5, 10}, {1, 2, 0.5, 1.5, 10}, {1, 2, 0.5, 1.5, 10}};

        List<Bar> bars = FeatureTransform.LEVELS.inverse(rows, "SYN", T0, 60_000, 0);

        assertThat(bars).extracting(Bar::start).containsExactly(T0, T0 + 60_000, T0 + 120_000);
        assertThat(bars).extracting(Bar::tradeCount).containsOnly(0L);
    }

    @Test
    void shouldNameTheValueWhenARowIsNotFinite() {
        double[][] rows = {{1, 2, 0.5, 1.5, 10}, {1, Double.NaN, 0.5, 1.5, 10}};

        assertThatThrownBy(() -> FeatureTransform.LEVELS.inverse(rows, "SYN", T0, INTERVAL, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows[1][1] (high)")
                .hasMessageContaining("NaN");
    }

    @Test
    void shouldNameTheRowWhenItHasTheWrongWidth() {
        double[][] rows = {{1, 2, 0.5, 1.5}};

        assertThatThrownBy(() -> FeatureTransform.LEVELS.inverse(rows, "SYN", T0, INTERVAL, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows[0] must hold 5 values");
    }

    @Test
    void shouldRejectALastCloseThatIsNotAPriceWhenChainingLogReturns() {
        double[][] rows = {{0, 0, 0, 0, 0}};

        assertThatThrownBy(() -> FeatureTransform.LOG_RETURNS.inverse(rows, "SYN", T0, INTERVAL, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lastClose")
                .hasMessageContaining("0.0");
    }

    @Test
    void shouldNameTheBarWhenBarsAreNotOldestFirst() {
        List<Bar> bars = new ArrayList<>(walk("AAPL", 5, 7));
        bars.set(3, bars.get(1));

        assertThatThrownBy(() -> FeatureTransform.LOG_RETURNS.forward(bars))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bars[3].start");
    }

    @Test
    void shouldNameTheBarWhenSymbolsAreMixed() {
        List<Bar> bars = new ArrayList<>(walk("AAPL", 3, 8));
        bars.addAll(walk("MSFT", 1, 8).stream()
                .map(b -> new Bar("MSFT", T0 + 10 * INTERVAL, INTERVAL, b.open(), b.high(), b.low(), b.close(),
                        b.volume(), 0)).toList());

        assertThatThrownBy(() -> FeatureTransform.LEVELS.forward(bars))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bars[3].symbol");
    }

    @Test
    void shouldRoundTripWireNames() {
        for (FeatureTransform t : FeatureTransform.values()) {
            assertThat(FeatureTransform.fromWireName(t.wireName())).isSameAs(t);
        }
        assertThat(FeatureTransform.LEVELS.wireName()).isEqualTo("levels");
        assertThat(FeatureTransform.LOG_RETURNS.wireName()).isEqualTo("log-returns");
    }

    @Test
    void shouldNameTheFieldWhenAWireNameIsUnknown() {
        assertThatThrownBy(() -> FeatureTransform.fromWireName("returns"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("featureTransform")
                .hasMessageContaining("returns");
    }

    @Test
    void shouldNameFiveFeaturesPerTransform() {
        for (FeatureTransform t : FeatureTransform.values()) {
            assertThat(t.featureNames()).hasSize(FeatureTransform.FEATURES).doesNotHaveDuplicates();
        }
    }

    private static void assertValid(Bar bar) {
        // the Bar constructor already enforced the invariants; check them again explicitly
        assertThat(bar.open()).isPositive().isFinite();
        assertThat(bar.close()).isPositive().isFinite();
        assertThat(bar.low()).isPositive().isLessThanOrEqualTo(Math.min(bar.open(), bar.close()));
        assertThat(bar.high()).isFinite().isGreaterThanOrEqualTo(Math.max(bar.open(), bar.close()));
        assertThat(bar.volume()).isFinite().isGreaterThanOrEqualTo(0);
    }
}

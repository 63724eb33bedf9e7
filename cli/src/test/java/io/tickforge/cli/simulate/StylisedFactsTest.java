package io.tickforge.cli.simulate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stylised facts of real tick returns, measured on one long seeded run of one symbol: fat tails, volatility
 * clustering, and returns themselves close to uncorrelated.
 */
class StylisedFactsTest {
    private static final int TICKS = 200_000;

    private static double[] returns;

    @BeforeAll
    static void simulate() {
        MarketSimulator simulator = new MarketSimulator(SimulatorConfig.defaults(1, 20_240_601L, 1_700_000_000_000L, 10));
        returns = ReturnStatistics.logReturns(simulator, TICKS, simulator.symbols().get(0));
    }

    @Test
    void shouldHaveFatTailedReturnsWhenRunLong() {
        double kurtosis = ReturnStatistics.excessKurtosis(returns);

        assertThat(kurtosis).as("excess kurtosis of %d returns", returns.length).isGreaterThan(3);
    }

    @Test
    void shouldClusterVolatilityWhenRunLong() {
        double absoluteAutocorrelation = ReturnStatistics.lag1Autocorrelation(ReturnStatistics.abs(returns));

        assertThat(absoluteAutocorrelation).as("lag-1 autocorrelation of |returns|").isGreaterThan(0.05);
    }

    @Test
    void shouldCorrelateAbsoluteReturnsMoreThanReturnsWhenRunLong() {
        double autocorrelation = ReturnStatistics.lag1Autocorrelation(returns);
        double absoluteAutocorrelation = ReturnStatistics.lag1Autocorrelation(ReturnStatistics.abs(returns));

        assertThat(Math.abs(autocorrelation)).as("|lag-1 autocorrelation of returns|, |returns| at %.4f",
                absoluteAutocorrelation).isLessThan(absoluteAutocorrelation / 2);
    }
}

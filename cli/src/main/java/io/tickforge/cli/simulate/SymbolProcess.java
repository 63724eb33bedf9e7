package io.tickforge.cli.simulate;

import io.tickforge.schemas.Tick;

/**
 * The state of one simulated instrument: log price, GARCH(1,1) variance and the parameters it drew from the seed.
 * Each instance owns its own random stream, so a symbol's path depends only on the seed and its position among the
 * symbols, never on how many other symbols run beside it. Not thread-safe.
 */
final class SymbolProcess {
    /** Conditional volatility never exceeds this multiple of the unconditional one. */
    private static final double MAX_VOLATILITY_MULTIPLE = 20;
    /** No single tick moves log price by more than this (a limit-up/limit-down band). */
    private static final double MAX_LOG_RETURN = 0.2;

    private final String symbol;
    private final Draws draws;
    private final PriceModel price;
    private final VolumeModel volume;
    private final Grid priceGrid;
    private final Grid lotGrid;
    private final double logBasePrice;
    private final double sigmaBar;
    private final double omega;
    private final double maxVariance;
    private final double logMedianSize;
    private double logPrice;
    private double variance;

    SymbolProcess(String symbol, Draws draws, PriceModel price, VolumeModel volume, Grid priceGrid, Grid lotGrid) {
        this.symbol = symbol;
        this.draws = draws;
        this.price = price;
        this.volume = volume;
        this.priceGrid = priceGrid;
        this.lotGrid = lotGrid;
        this.logBasePrice = Math.log(draws.logUniform(price.minBasePrice(), price.maxBasePrice()));
        this.sigmaBar = draws.logUniform(price.minTickVolatility(), price.maxTickVolatility());
        this.logMedianSize = Math.log(draws.logUniform(volume.minMedianSize(), volume.maxMedianSize()));
        double unconditionalVariance = sigmaBar * sigmaBar;
        this.omega = unconditionalVariance * (1 - price.garchAlpha() - price.garchBeta());
        this.maxVariance = unconditionalVariance * MAX_VOLATILITY_MULTIPLE * MAX_VOLATILITY_MULTIPLE;
        this.logPrice = logBasePrice;
        this.variance = unconditionalVariance;
    }

    String symbol() {
        return symbol;
    }

    /**
     * Advances the process by one trade and returns it.
     *
     * @param ts      event time of the trade, epoch milliseconds
     * @param profile intraday size multiplier at {@code ts}
     * @return the trade with its quote
     */
    Tick step(long ts, double profile) {
        double sigma = Math.sqrt(variance);
        double shock = sigma * draws.unitStudentT(price.tailDegreesOfFreedom());
        if (price.jumpProbability() > 0 && draws.uniform() < price.jumpProbability()) {
            shock += price.jumpSizeSigmas() * sigmaBar * draws.normal();
        }
        double drift = price.meanReversion() * (logBasePrice - logPrice);
        double logReturn = Math.max(-MAX_LOG_RETURN, Math.min(MAX_LOG_RETURN, drift + shock));
        logPrice += logReturn;
        variance = Math.min(maxVariance, omega + price.garchAlpha() * shock * shock + price.garchBeta() * variance);

        double mid = Math.exp(logPrice);
        double halfSpread = 0.5 * mid * (price.baseSpread() + price.spreadVolatilityMultiple() * Math.sqrt(variance));
        long priceSteps = Math.max(1, priceGrid.stepsNearest(mid));
        long bidSteps = Math.max(1, Math.min(priceSteps, priceGrid.stepsFloor(mid - halfSpread)));
        long askSteps = Math.max(priceSteps, priceGrid.stepsCeil(mid + halfSpread));

        double logSize = logMedianSize + Math.log(profile)
                + volume.volatilityElasticity() * Math.log(sigma / sigmaBar)
                + volume.sizeDispersion() * draws.normal();
        long lots = Math.max(1, lotGrid.stepsNearest(Math.exp(logSize)));

        return new Tick(symbol, ts, priceGrid.value(priceSteps), lotGrid.value(lots), priceGrid.value(bidSteps),
                priceGrid.value(askSteps));
    }
}

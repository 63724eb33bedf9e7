package io.tickforge.cli.simulate;

/**
 * Parameters of the simulator's per-symbol price and quote process. Each symbol draws its base price and its
 * unconditional per-tick volatility log-uniformly from the ranges given here (using the simulator's seed); its log
 * price then follows
 *
 * <pre>
 *   r(t)         = sigma(t) * z(t) + J(t) + meanReversion * (log(basePrice) - log p(t-1))
 *   sigma^2(t+1) = omega + garchAlpha * (sigma(t) * z(t) + J(t))^2 + garchBeta * sigma^2(t)
 * </pre>
 *
 * with {@code z} Student-t with {@code tailDegreesOfFreedom}, scaled to unit variance, {@code J} a jump that arrives
 * with probability {@code jumpProbability} per tick and is normal with a standard deviation of
 * {@code jumpSizeSigmas} unconditional volatilities, and {@code omega} chosen so that the unconditional volatility is
 * the symbol's drawn one. Prices are rounded to {@code tickSize}; the quote around the unrounded price has a full
 * width of {@code price * (baseSpread + spreadVolatilityMultiple * sigma(t))}, bid rounded down and ask rounded up to
 * the tick grid.
 *
 * <p>The weak mean reversion exists so that an endless feed keeps prices in a sane range (a pure random walk in log
 * price drifts without bound over billions of ticks); at the default its half-life is about 700,000 ticks of a
 * symbol, far longer than any window the trainer looks at. Log price has no other drift, so the median price stays
 * at the base price however long the feed runs. A single tick never moves log price by more than 0.2 (a
 * limit-up/limit-down band) and conditional volatility is capped at 20 times the unconditional one.
 *
 * @param minBasePrice             lowest base price a symbol may draw, &gt; 0
 * @param maxBasePrice             highest base price a symbol may draw, &gt;= minBasePrice
 * @param minTickVolatility        lowest unconditional per-tick log-return standard deviation, &gt; 0
 * @param maxTickVolatility        highest unconditional per-tick log-return standard deviation, &gt;= min, &lt;= 0.05
 * @param garchAlpha               GARCH(1,1) reaction to the last squared shock, &gt;= 0
 * @param garchBeta                GARCH(1,1) persistence of variance, &gt;= 0, with alpha + beta &lt; 1
 * @param tailDegreesOfFreedom     Student-t degrees of freedom of the innovations, &gt; 2; positive infinity means
 *                                 normal innovations
 * @param jumpProbability          probability of a jump on any one tick of a symbol, in [0, 1)
 * @param jumpSizeSigmas           standard deviation of a jump in units of the symbol's unconditional volatility,
 *                                 &gt;= 0
 * @param meanReversion            per-tick pull of log price towards log base price, in [0, 0.01]
 * @param tickSize                 price grid, &gt; 0; prices, bids and asks are multiples of it and never below it
 * @param baseSpread               quote width as a fraction of price when volatility is zero, &gt;= 0
 * @param spreadVolatilityMultiple extra quote width per unit of current per-tick volatility, as a fraction of
 *                                 price, &gt;= 0
 */
public record PriceModel(double minBasePrice, double maxBasePrice, double minTickVolatility,
                         double maxTickVolatility, double garchAlpha, double garchBeta,
                         double tailDegreesOfFreedom, double jumpProbability, double jumpSizeSigmas,
                         double meanReversion, double tickSize, double baseSpread,
                         double spreadVolatilityMultiple) {

    /** Highest accepted per-tick volatility: 5% per tick is already far beyond any real instrument. */
    public static final double MAX_TICK_VOLATILITY = 0.05;

    /** Validates every parameter; throws {@link IllegalArgumentException} naming the first bad one. */
    public PriceModel {
        Require.positive("minBasePrice", minBasePrice);
        Require.positive("maxBasePrice", maxBasePrice);
        Require.atLeast("maxBasePrice", maxBasePrice, "minBasePrice", minBasePrice);
        Require.positive("minTickVolatility", minTickVolatility);
        Require.positive("maxTickVolatility", maxTickVolatility);
        Require.atLeast("maxTickVolatility", maxTickVolatility, "minTickVolatility", minTickVolatility);
        Require.atMost("maxTickVolatility", maxTickVolatility, MAX_TICK_VOLATILITY,
                " (a per-tick log-return standard deviation)");
        Require.nonNegative("garchAlpha", garchAlpha);
        Require.nonNegative("garchBeta", garchBeta);
        if (garchAlpha + garchBeta >= 1) {
            throw new IllegalArgumentException("garchAlpha + garchBeta must be < 1 for a stationary variance, was "
                    + garchAlpha + " + " + garchBeta);
        }
        if (Double.isNaN(tailDegreesOfFreedom) || tailDegreesOfFreedom <= 2) {
            throw new IllegalArgumentException("tailDegreesOfFreedom must be > 2 (finite variance), was "
                    + tailDegreesOfFreedom);
        }
        Require.nonNegative("jumpProbability", jumpProbability);
        if (jumpProbability >= 1) {
            throw new IllegalArgumentException("jumpProbability must be < 1, was " + jumpProbability);
        }
        Require.nonNegative("jumpSizeSigmas", jumpSizeSigmas);
        Require.nonNegative("meanReversion", meanReversion);
        Require.atMost("meanReversion", meanReversion, 0.01, " per tick");
        Require.positive("tickSize", tickSize);
        Require.atMost("tickSize", tickSize, minBasePrice, " (minBasePrice)");
        Require.nonNegative("baseSpread", baseSpread);
        Require.nonNegative("spreadVolatilityMultiple", spreadVolatilityMultiple);
    }

    /**
     * Defaults that look like a liquid equity tape sampled per trade: base prices 20 to 400, per-tick volatility
     * 0.05% to 0.2%, GARCH alpha 0.08 and beta 0.90, Student-t(4) innovations, a jump of about six sigmas every
     * 2,000 ticks of a symbol, a 0.01 tick and a 2 basis-point spread that widens with volatility.
     *
     * @return the default price model
     */
    public static PriceModel defaults() {
        return new PriceModel(20, 400, 0.0005, 0.002, 0.08, 0.90, 4.0, 0.0005, 6.0, 1e-6, 0.01, 0.0002, 1.0);
    }
}

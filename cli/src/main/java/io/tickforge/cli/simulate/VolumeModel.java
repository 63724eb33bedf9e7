package io.tickforge.cli.simulate;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Parameters of the simulator's trade sizes. Each symbol draws a median size log-uniformly from
 * {@code [minMedianSize, maxMedianSize]}; a trade's size is then log-normal around
 *
 * <pre>
 *   median * profile(time of day) * (sigma(t) / unconditional sigma) ^ volatilityElasticity
 * </pre>
 *
 * with {@code sizeDispersion} the standard deviation of log size, rounded to whole lots and never below one lot.
 *
 * <p>The intraday profile is U-shaped over the trading session {@code [sessionOpen, sessionClose)} in
 * {@code sessionZone}, as a function of each tick's event time: {@code 1 + openBoost * exp(-sinceOpen / boostDecay)
 * + closeBoost * exp(-untilClose / boostDecay)}, so trading is busiest just after the open and just before the close.
 * Outside the session the profile is {@code offHoursFactor}. A session whose close is before its open wraps
 * midnight. Weekends and holidays are not modelled: every day has a session.
 *
 * @param minMedianSize        lowest per-symbol median trade size, in units, &gt; 0
 * @param maxMedianSize        highest per-symbol median trade size, in units, &gt;= minMedianSize
 * @param sizeDispersion       standard deviation of log size, in [0, 3]
 * @param lotSize              trade sizes are whole multiples of this, in units, &gt; 0
 * @param volatilityElasticity how strongly size follows current volatility, in [0, 2]
 * @param sessionZone          time zone of the trading session, not null
 * @param sessionOpen          local time the session opens, not null
 * @param sessionClose         local time the session closes, not null, not equal to sessionOpen
 * @param openBoost            extra size multiple right at the open, &gt;= 0
 * @param closeBoost           extra size multiple right at the close, &gt;= 0
 * @param boostDecay           e-folding time of the open and close boosts, positive, shorter than the session
 * @param offHoursFactor       profile outside the session, &gt; 0
 */
public record VolumeModel(double minMedianSize, double maxMedianSize, double sizeDispersion, double lotSize,
                          double volatilityElasticity, ZoneId sessionZone, LocalTime sessionOpen,
                          LocalTime sessionClose, double openBoost, double closeBoost, Duration boostDecay,
                          double offHoursFactor) {

    /** Validates every parameter; throws {@link IllegalArgumentException} naming the first bad one. */
    public VolumeModel {
        Require.positive("minMedianSize", minMedianSize);
        Require.positive("maxMedianSize", maxMedianSize);
        Require.atLeast("maxMedianSize", maxMedianSize, "minMedianSize", minMedianSize);
        Require.nonNegative("sizeDispersion", sizeDispersion);
        Require.atMost("sizeDispersion", sizeDispersion, 3, " (standard deviation of log size)");
        Require.positive("lotSize", lotSize);
        Require.atMost("lotSize", lotSize, minMedianSize, " (minMedianSize)");
        Require.nonNegative("volatilityElasticity", volatilityElasticity);
        Require.atMost("volatilityElasticity", volatilityElasticity, 2, "");
        Require.notNull("sessionZone", sessionZone);
        Require.notNull("sessionOpen", sessionOpen);
        Require.notNull("sessionClose", sessionClose);
        if (sessionOpen.equals(sessionClose)) {
            throw new IllegalArgumentException("sessionClose must differ from sessionOpen " + sessionOpen
                    + ", was " + sessionClose);
        }
        Require.nonNegative("openBoost", openBoost);
        Require.nonNegative("closeBoost", closeBoost);
        Require.notNull("boostDecay", boostDecay);
        if (boostDecay.isNegative() || boostDecay.isZero()) {
            throw new IllegalArgumentException("boostDecay must be positive, was " + boostDecay);
        }
        Duration session = sessionLength(sessionOpen, sessionClose);
        if (boostDecay.compareTo(session) >= 0) {
            throw new IllegalArgumentException("boostDecay must be shorter than the session " + session
                    + ", was " + boostDecay);
        }
        Require.positive("offHoursFactor", offHoursFactor);
    }

    /**
     * Defaults that look like a US equity: median sizes 20 to 400 shares, log-size dispersion 1.0, lots of one share,
     * size elasticity 0.5 to volatility, a 09:30 to 16:00 New York session with size tripled at the open and
     * two-and-a-half-fold at the close, decaying over 30 minutes, and a fifth of the midday size outside the session.
     *
     * @return the default volume model
     */
    public static VolumeModel defaults() {
        return new VolumeModel(20, 400, 1.0, 1, 0.5, ZoneId.of("America/New_York"), LocalTime.of(9, 30),
                LocalTime.of(16, 0), 2.0, 1.5, Duration.ofMinutes(30), 0.2);
    }

    /** @return the length of the trading session, wrapping midnight when the close is before the open */
    public Duration sessionLength() {
        return sessionLength(sessionOpen, sessionClose);
    }

    private static Duration sessionLength(LocalTime open, LocalTime close) {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        long nanos = close.toNanoOfDay() - open.toNanoOfDay();
        if (nanos <= 0) {
            nanos += Duration.ofDays(1).toNanos();
        }
        return Duration.ofNanos(nanos);
    }
}

package io.tickforge.cli.simulate;

import java.math.BigDecimal;

/**
 * A decimal grid such as a 0.01 price tick or a one-unit lot. Values are computed from whole steps through
 * {@link BigDecimal}, so a price of 10,003 ticks of 0.01 is exactly the double nearest to 100.03, never
 * 100.03000000000001.
 */
final class Grid {
    private final BigDecimal step;
    private final double stepValue;

    Grid(double step) {
        this.step = BigDecimal.valueOf(step);
        this.stepValue = step;
    }

    /** @return the number of whole steps at or below {@code value} */
    long stepsFloor(double value) {
        return (long) Math.floor(value / stepValue);
    }

    /** @return the number of whole steps at or above {@code value} */
    long stepsCeil(double value) {
        return (long) Math.ceil(value / stepValue);
    }

    /** @return the number of whole steps nearest to {@code value} */
    long stepsNearest(double value) {
        return Math.round(value / stepValue);
    }

    /** @return {@code steps} whole steps as the nearest double */
    double value(long steps) {
        return BigDecimal.valueOf(steps).multiply(step).doubleValue();
    }
}

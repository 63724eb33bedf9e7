package io.tickforge.producer.synth.internal;

import java.math.BigDecimal;

/**
 * A decimal grid: a price increment such as 0.01 or 0.25, or a lot size such as 1 or 100. The step is a short
 * decimal, {@code units * 10^-scale}; a value of {@code k} steps is computed as the exact decimal
 * {@code k * units * 10^-scale} correctly rounded to a double (one division of two exactly representable numbers), so
 * 10,003 steps of 0.01 is the double nearest to 100.03, never 100.03000000000001, and
 * {@link FixedDecimal} prints it back as {@code 100.03}.
 *
 * <p>Values too large for the grid (more than 2^52 steps, or a step count times {@code units} beyond 2^53) are left
 * as they are: rounding them would not be exact, and {@link FixedDecimal} prints them with {@code Double.toString}.
 * Immutable.
 */
public final class DecimalGrid {
    /** The largest step count (and scaled value) rounded; beyond it values are left unrounded. */
    static final double MAX_SCALED = 0x1p52;

    /** The most decimals a step may have. */
    public static final int MAX_SCALE = 9;

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private final double step;
    private final long units;
    private final int scale;
    private final double pow;
    private final double maxValue;

    /**
     * @param step the step, finite, &gt; 0, at most {@value #MAX_SCALE} decimals (as its shortest decimal form, e.g.
     *             {@code 0.01} has 2)
     * @throws IllegalArgumentException when it is not
     */
    public DecimalGrid(double step) {
        if (!Double.isFinite(step) || step <= 0) {
            throw new IllegalArgumentException("step must be finite and > 0, got " + step);
        }
        BigDecimal d = BigDecimal.valueOf(step).stripTrailingZeros();
        if (d.scale() > MAX_SCALE) {
            throw new IllegalArgumentException("step must have at most " + MAX_SCALE + " decimals, got " + step);
        }
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        this.step = step;
        this.scale = d.scale();
        this.units = d.unscaledValue().longValueExact();
        this.pow = POWERS_OF_TEN[scale];
        this.maxValue = MAX_SCALED / pow;
    }

    /** @return the step */
    public double step() {
        return step;
    }

    /** @return the decimals of the step: 2 for 0.01 and 0.25, 0 for 1 and 100 */
    public int scale() {
        return scale;
    }

    /**
     * @param value a value
     * @return whether values of its magnitude are rounded to the grid (finite and small enough to be exact)
     */
    public boolean covers(double value) {
        return Math.abs(value) < maxValue;
    }

    /**
     * @param steps a whole number of steps, within the grid's range
     * @return that many steps as the double nearest to the exact decimal
     */
    public double value(long steps) {
        return (steps * units) / pow;
    }

    /**
     * @param value a value
     * @return the nearest grid value (halves away from zero as {@link Math#round(double)} does), or {@code value}
     *     itself when the grid does not cover it
     */
    public double nearest(double value) {
        return covers(value) ? value(Math.round(value / step)) : value;
    }

    /**
     * @param value a price, &gt; 0
     * @return the nearest grid value, at least one step: a positive price never rounds to 0
     */
    public double nearestPositive(double value) {
        return covers(value) ? value(Math.max(1, Math.round(value / step))) : value;
    }

    /**
     * @param value a value
     * @return the largest grid value at or below it, or {@code value} when the grid does not cover it
     */
    public double floor(double value) {
        return covers(value) ? value((long) Math.floor(value / step)) : value;
    }

    /**
     * @param value a value
     * @return the smallest grid value at or above it, or {@code value} when the grid does not cover it
     */
    public double ceil(double value) {
        return covers(value) ? value((long) Math.ceil(value / step)) : value;
    }

    /**
     * @param value a grid value (as {@link #value(long)} makes), covered
     * @return its number of steps
     */
    public long steps(double value) {
        return Math.round(value / step);
    }

    @Override
    public String toString() {
        return "DecimalGrid[" + BigDecimal.valueOf(units, scale).toPlainString() + "]";
    }
}

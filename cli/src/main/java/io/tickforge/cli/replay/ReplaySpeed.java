package io.tickforge.cli.replay;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code --speed} of a replay, in one of three modes:
 * <ul>
 *   <li>{@code 100}: a rate, 100 bars per second, whatever their spacing in event time (3,685 daily bars in about
 *       37 s);</li>
 *   <li>{@code 100x}: a multiplier of event time, bars keep their relative spacing, 100 times faster (two daily bars
 *       864 s apart);</li>
 *   <li>{@code max}: as fast as the producer goes.</li>
 * </ul>
 *
 * @param mode  how {@code value} is read
 * @param value bars per second ({@link Mode#RATE}) or event time per unit of wall-clock time
 *              ({@link Mode#MULTIPLIER}), finite and &gt; 0; ignored for {@link Mode#MAX}
 */
public record ReplaySpeed(Mode mode, double value) {

    /** How a speed value is read. */
    public enum Mode {
        /** Bars per second. */
        RATE,
        /** Event time divided by this gives wall-clock time. */
        MULTIPLIER,
        /** No pacing. */
        MAX
    }

    /** As fast as possible: no delay between bars. */
    public static final ReplaySpeed MAX = new ReplaySpeed(Mode.MAX, 1);

    private static final Pattern NUMBER = Pattern.compile("[+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** Validates; messages name {@code --speed}. */
    public ReplaySpeed {
        if (mode == null) {
            throw new IllegalArgumentException("--speed mode must not be null");
        }
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException("--speed must be > 0, was " + value);
        }
    }

    /**
     * Parses a {@code --speed} value: {@code max} (any case), a positive number (bars per second), or a positive
     * number followed by {@code x} (a multiplier of event time).
     *
     * @param text the option value
     * @return the speed
     * @throws IllegalArgumentException naming {@code --speed} and the value when it is none of those
     */
    public static ReplaySpeed parse(String text) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.equals("max")) {
            return MAX;
        }
        boolean multiplier = trimmed.endsWith("x");
        String number = multiplier ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        if (NUMBER.matcher(number).matches()) {
            double v = Double.parseDouble(number);
            if (v > 0 && Double.isFinite(v)) {
                return new ReplaySpeed(multiplier ? Mode.MULTIPLIER : Mode.RATE, v);
            }
        }
        throw new IllegalArgumentException("--speed must be a positive number of bars per second (100), a "
                + "multiplier of event time (100x) or 'max', was " + (text == null ? "null" : "'" + text + "'"));
    }

    /** @return true when bars go out as fast as possible */
    public boolean isMax() {
        return mode == Mode.MAX;
    }

    /**
     * When a bar is due, relative to the first bar of the replay.
     *
     * @param index            the bar's index among published bars, from 0
     * @param eventOffsetMillis the bar's start minus the first bar's start, in milliseconds
     * @return the intended wall-clock offset in nanoseconds; 0 for {@link #MAX}
     */
    public long offsetNanos(long index, long eventOffsetMillis) {
        return switch (mode) {
            case RATE -> (long) (index * 1e9 / value);
            case MULTIPLIER -> (long) (Math.max(0, eventOffsetMillis) * 1e6 / value);
            case MAX -> 0L;
        };
    }

    /** @return the speed as a user would type it: {@code max}, {@code 100} or {@code 100x} */
    @Override
    public String toString() {
        if (isMax()) {
            return "max";
        }
        String number = value == Math.rint(value) && value < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
        return mode == Mode.MULTIPLIER ? number + "x" : number;
    }
}

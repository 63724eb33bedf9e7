package io.tickforge.producer.synth.internal;

import java.nio.charset.StandardCharsets;

/**
 * Writes doubles as JSON numbers in fixed decimal notation with at most a given number of decimals, without
 * {@link Double#toString(double)} for values on a decimal grid: {@code 85.03}, {@code 100.0}, {@code 0.0001},
 * {@code 12.25}. A value is written this way only when the decimal read back is the same double: its
 * {@code scale}-decimal rounding {@code n * 10^-scale}, with {@code |n| < 2^53}, must be exactly the value
 * (correctly rounded division of two exact numbers, which is also what a correct parser gives for the decimal).
 * Anything else (off-grid values, very large or very small magnitudes, {@code -0.0}) is written with
 * {@code Double.toString}, which Java's and Jackson's parsers read back to the same double. Like
 * {@code Double.toString}, a whole number keeps one decimal ({@code 130.0}), so the JSON type stays "number with a
 * fraction" for readers that care.
 *
 * <p>Non-finite values are not JSON and are refused. Stateless.
 */
public final class FixedDecimal {
    /** The most decimals written in fixed notation. */
    public static final int MAX_SCALE = 9;

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    private static final long[] LONG_POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};
    private static final double LIMIT = 0x1p53;
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    /** The most bytes {@link #write} appends: a {@code Double.toString} (at most 24 characters) or 17 digits,
     * a sign, a point. */
    public static final int MAX_LENGTH = 26;

    private FixedDecimal() {
    }

    /**
     * Appends {@code value} to {@code buffer} at {@code pos}, which must have room for {@link #MAX_LENGTH} bytes.
     *
     * @param buffer where to write
     * @param pos    the first byte to write
     * @param value  a finite double
     * @param scale  the most decimals of the fixed notation, 0 to {@value #MAX_SCALE}
     * @return the position after the last byte written
     * @throws IllegalArgumentException when {@code value} is not finite or {@code scale} is out of range
     */
    public static int write(byte[] buffer, int pos, double value, int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be from 0 to " + MAX_SCALE + ", got " + scale);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite for JSON, got " + value);
        }
        double pow = POWERS_OF_TEN[scale];
        double scaled = value * pow;
        if (Math.abs(scaled) < LIMIT) {
            long n = Math.round(scaled);
            if (n / pow == value && (n != 0 || Double.doubleToRawLongBits(value) == 0L)) {
                return writeFixed(buffer, pos, n, scale);
            }
        }
        return writeAscii(buffer, pos, Double.toString(value));
    }

    /**
     * @param value a finite double
     * @param scale the most decimals of the fixed notation
     * @return what {@link #write} writes, as a string (for tests and logs)
     */
    public static String toString(double value, int scale) {
        byte[] b = new byte[MAX_LENGTH];
        int end = write(b, 0, value, scale);
        return new String(b, 0, end, StandardCharsets.US_ASCII);
    }

    private static int writeFixed(byte[] buffer, int pos, long n, int scale) {
        if (n < 0) {
            buffer[pos++] = '-';
            n = -n;
        }
        long unit = LONG_POWERS[scale];
        long whole = n / unit;
        long fraction = n - whole * unit;
        pos = writeLong(buffer, pos, whole);
        buffer[pos++] = '.';
        if (fraction == 0 || scale == 0) {
            buffer[pos++] = '0';
            return pos;
        }
        int digits = scale;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        for (int i = digits - 1; i >= 0; i--) {
            buffer[pos + i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        return pos + digits;
    }

    /**
     * Appends a long in decimal.
     *
     * @param buffer where to write, with room for 20 bytes
     * @param pos    the first byte to write
     * @param value  the number
     * @return the position after the last byte written
     */
    public static int writeLong(byte[] buffer, int pos, long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return writeAscii(buffer, pos, Long.toString(value));
            }
            buffer[pos++] = '-';
            value = -value;
        }
        int end = pos + digits(value);
        int i = end;
        while (value >= 100) {
            long q = value / 100;
            int r = (int) (value - q * 100);
            buffer[--i] = ONES[r];
            buffer[--i] = TENS[r];
            value = q;
        }
        int r = (int) value;
        buffer[--i] = ONES[r];
        if (r >= 10) {
            buffer[--i] = TENS[r];
        }
        return end;
    }

    private static int digits(long value) {
        int d = 1;
        long p = 10;
        while (d < 19 && value >= p) {
            d++;
            p *= 10;
        }
        return d;
    }

    private static int writeAscii(byte[] buffer, int pos, String s) {
        for (int i = 0; i < s.length(); i++) {
            buffer[pos++] = (byte) s.charAt(i);
        }
        return pos;
    }
}

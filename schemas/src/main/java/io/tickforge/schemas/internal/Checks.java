package io.tickforge.schemas.internal;

import io.tickforge.schemas.InvalidRecordException;

/** Field checks shared by the record constructors; each failure names the field and the value. */
public final class Checks {
    /** Earliest accepted event time: 1970-01-02T00:00:00Z, so a zero or missing timestamp is rejected. */
    public static final long MIN_EPOCH_MILLIS = 86_400_000L;
    /** Latest accepted event time: 2200-01-01T00:00:00Z; later values are taken as unit mistakes (micros, nanos). */
    public static final long MAX_EPOCH_MILLIS = 7_258_118_400_000L;
    /** Longest accepted symbol, in characters. */
    public static final int MAX_SYMBOL_LENGTH = 64;

    private Checks() {
    }

    /**
     * @param field the field name
     * @param value the symbol
     * @return the symbol, unchanged
     */
    public static String symbol(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(field, value, "must not be blank");
        }
        if (value.length() > MAX_SYMBOL_LENGTH) {
            throw new InvalidRecordException(field, value, "must be at most " + MAX_SYMBOL_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new InvalidRecordException(field, value, "must not contain whitespace or control characters");
            }
        }
        return value;
    }

    /**
     * @param field the field name
     * @param value epoch milliseconds
     * @return the value, unchanged
     */
    public static long epochMillis(String field, long value) {
        if (value < MIN_EPOCH_MILLIS || value > MAX_EPOCH_MILLIS) {
            throw new InvalidRecordException(field, value,
                    "must be epoch milliseconds between " + MIN_EPOCH_MILLIS + " and " + MAX_EPOCH_MILLIS);
        }
        return value;
    }

    /**
     * @param field the field name
     * @param value a price
     * @return the value, unchanged
     */
    public static double positive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new InvalidRecordException(field, value, "must be finite and > 0");
        }
        return value;
    }

    /**
     * @param field the field name
     * @param value a size or volume
     * @return the value, unchanged
     */
    public static double nonNegative(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidRecordException(field, value, "must be finite and >= 0");
        }
        return value;
    }

    /**
     * @param field the field name
     * @param value a count
     * @return the value, unchanged
     */
    public static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new InvalidRecordException(field, value, "must be >= 0");
        }
        return value;
    }
}

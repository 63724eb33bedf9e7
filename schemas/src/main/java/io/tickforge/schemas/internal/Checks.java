package io.tickforge.schemas.internal;

import io.tickforge.schemas.InvalidRecordException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Field checks shared by the record constructors; each failure names the field and the value. */
public final class Checks {
    /** Earliest accepted event time: 1970-01-02T00:00:00Z, so a zero or missing timestamp is rejected. */
    public static final long MIN_EPOCH_MILLIS = 86_400_000L;
    /** Latest accepted event time: 2200-01-01T00:00:00Z; later values are taken as unit mistakes (micros, nanos). */
    public static final long MAX_EPOCH_MILLIS = 7_258_118_400_000L;
    /** Longest accepted symbol, in Unicode code points (what JSON Schema's {@code maxLength} counts). */
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
        if (value.codePointCount(0, value.length()) > MAX_SYMBOL_LENGTH) {
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

    /**
     * @param field the field name
     * @param value any text
     * @return the value, unchanged
     */
    public static String nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(field, value, "must not be blank");
        }
        return value;
    }

    /**
     * @param field the field name
     * @param value any reference
     * @param <T>   the value's type
     * @return the value, unchanged
     */
    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidRecordException(field, null, "must not be null");
        }
        return value;
    }

    /**
     * @param field the field name
     * @param value a count or version
     * @param min   the smallest accepted value
     * @return the value, unchanged
     */
    public static long atLeast(String field, long value, long min) {
        if (value < min) {
            throw new InvalidRecordException(field, value, "must be >= " + min);
        }
        return value;
    }

    /**
     * @param field the field name
     * @param value a rate or weight
     * @return the value, unchanged
     */
    public static Double optionalNonNegative(String field, Double value) {
        if (value != null) {
            nonNegative(field, value.doubleValue());
        }
        return value;
    }

    /**
     * Checks a list of names and copies it: not null, no null or blank element, no duplicate. Elements are named
     * {@code field[i]}.
     *
     * @param field    the field name
     * @param values   the names
     * @param nonEmpty whether an empty list is rejected
     * @param symbols  whether each element must also pass {@link #symbol(String, String)}
     * @return an unmodifiable copy
     */
    public static List<String> uniqueNames(String field, List<String> values, boolean nonEmpty, boolean symbols) {
        if (values == null) {
            throw new InvalidRecordException(field, null, "must not be null");
        }
        if (nonEmpty && values.isEmpty()) {
            throw new InvalidRecordException(field, values, "must not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String element = field + "[" + i + "]";
            String value = values.get(i);
            if (symbols) {
                symbol(element, value);
            } else {
                nonBlank(element, value);
            }
            if (!seen.add(value)) {
                throw new InvalidRecordException(element, value, "must be unique within " + field);
            }
        }
        return List.copyOf(values);
    }
}

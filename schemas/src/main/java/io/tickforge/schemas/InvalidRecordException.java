package io.tickforge.schemas;

import java.util.Objects;

/**
 * A record that violates its schema: thrown when constructing or decoding a {@link Tick}, {@link Bar} or
 * {@link ModelMetadata} with a bad field. The message names the field and the offending value, and both are
 * exposed so callers (a dead-letter queue, a replay summary) can count and report by field without parsing text.
 */
public final class InvalidRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;

    /**
     * @param field  the record field at fault, e.g. {@code "price"}
     * @param value  the offending value as text ({@code "null"} when absent)
     * @param reason what the field must be, e.g. {@code "must be finite and > 0"}
     */
    public InvalidRecordException(String field, Object value, String reason) {
        super(field + " " + reason + ", was " + render(value));
        this.field = Objects.requireNonNull(field, "field");
        this.value = render(value);
    }

    /**
     * @param field the record field at fault
     * @param value the offending value as text
     * @param reason what the field must be
     * @param cause the underlying parse failure
     */
    public InvalidRecordException(String field, Object value, String reason, Throwable cause) {
        this(field, value, reason);
        initCause(cause);
    }

    /** @return the name of the field at fault */
    public String field() {
        return field;
    }

    /** @return the offending value as text, {@code "null"} when the field was missing */
    public String value() {
        return value;
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence) {
            return "'" + value + "'";
        }
        return String.valueOf(value);
    }
}

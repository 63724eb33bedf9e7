package io.tickforge.trainer.ingest;

import io.tickforge.schemas.InvalidRecordException;

import java.util.Locale;
import java.util.Set;

/**
 * Why an input record went to the dead-letter topic: the value of the {@link DeadLetterHeaders#REASON} header and
 * the {@code reason} tag of {@code tickforge.trainer.dlq.records}. The set is closed, so the tag stays bounded; the
 * {@link DeadLetterHeaders#DETAIL} header carries the specifics (field and value).
 */
public enum DeadLetterReason {
    /** Not a document of the wire format at all: not parseable JSON or Avro, not an object, a duplicate field. */
    MALFORMED,
    /** A required field is absent or {@code null}. */
    MISSING_FIELD,
    /** A field holds a value of the wrong type, e.g. a string where a number belongs. */
    WRONG_TYPE,
    /** A field the schema does not have. */
    UNKNOWN_FIELD,
    /** A field of the right type with a value out of range: NaN, infinite, negative or zero price or size, etc. */
    INVALID_VALUE,
    /** The symbol is empty or only whitespace. */
    BLANK_SYMBOL,
    /**
     * The event time is outside the schema's epoch range (zero, seconds, micros or nanos) or further ahead of the
     * wall clock than {@link IngestTopology#MAX_FUTURE_SKEW}.
     */
    BAD_TIMESTAMP,
    /** The record's value is {@code null} (a tombstone). */
    NULL_VALUE;

    /** Fields holding an event time, whose range violations are {@link #BAD_TIMESTAMP}. */
    private static final Set<String> TIME_FIELDS = Set.of("ts", "start");
    /** The field name the codecs use for the document as a whole. */
    private static final String ROOT = "$";
    /** How {@link InvalidRecordException} renders an absent value. */
    private static final String ABSENT = "null";

    /** @return the header value and metric tag, e.g. {@code missing-field} */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Classifies a decoding failure. The codecs name the field at fault ({@code "$"} for the document as a whole),
     * render an absent value as {@code null}, and say "must be a JSON &lt;type&gt;" for a type mismatch; the record
     * constructors name the field whose range check failed.
     *
     * @param failure what a tick or bar codec threw
     * @return the reason
     */
    public static DeadLetterReason classify(InvalidRecordException failure) {
        String field = failure.field();
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (ROOT.equals(field) || message.contains("must occur once")) {
            return MALFORMED;
        }
        if (ABSENT.equals(failure.value())) {
            return MISSING_FIELD;
        }
        if (message.contains("is not a field of")) {
            return UNKNOWN_FIELD;
        }
        if (message.contains("must be a finite JSON number")) {
            return INVALID_VALUE;
        }
        if (message.contains("must be a JSON ") || message.contains("must be a number")) {
            return WRONG_TYPE;
        }
        if (TIME_FIELDS.contains(field)) {
            return BAD_TIMESTAMP;
        }
        if ("symbol".equals(field) && message.contains("must not be blank")) {
            return BLANK_SYMBOL;
        }
        return INVALID_VALUE;
    }
}

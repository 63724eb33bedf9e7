package io.tickforge.schemas.codec.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tickforge.schemas.InvalidRecordException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * Turns a Jackson failure into an {@link InvalidRecordException} that names the field by its path from the
 * document's root ({@code price}, {@code hyperparameters.cell}, {@code featureNames[2]}) and the offending value.
 * A document that is not well-formed JSON is reported on field {@value #ROOT} with a short excerpt around the
 * error, except for a {@code NaN} or {@code Infinity} literal, which names the field it was given for, and a
 * duplicate field, which names itself.
 */
public final class JsonErrors {
    /** The field name used for the document as a whole. */
    public static final String ROOT = "$";

    private static final int EXCERPT_RADIUS = 24;
    private static final String NON_STANDARD_TOKEN = "Non-standard token";
    private static final String DUPLICATE = "Duplicate ";

    private JsonErrors() {
    }

    /**
     * @param failure  what Jackson threw while reading {@code document}
     * @param document the bytes being decoded
     * @param typeName the simple name of the record being decoded, for messages
     * @return the exception to throw
     */
    public static InvalidRecordException translate(IOException failure, byte[] document, String typeName) {
        InvalidRecordException verdict = recordVerdict(failure);
        if (verdict != null) {
            return verdict;
        }
        if (failure instanceof UnrecognizedPropertyException unknown) {
            // the value of an unknown field is not reliably at hand (Jackson may have buffered it), so report the name
            Class<?> owner = unknown.getReferringClass();
            return new InvalidRecordException(path(unknown.getPath()), unknown.getPropertyName(),
                    "is not a field of " + (owner == null ? typeName : owner.getSimpleName()) + " (known fields: "
                            + unknown.getKnownPropertyIds() + ")", failure);
        }
        StreamReadException read = causeOf(failure, StreamReadException.class);
        if (read instanceof InputCoercionException range) {
            return new InvalidRecordException(contextPath(range), tokenValue(range),
                    "must be " + jsonType(range.getTargetType()), failure);
        }
        if (read != null) {
            String message = read.getOriginalMessage();
            if (message != null && message.startsWith(NON_STANDARD_TOKEN)) {
                return new InvalidRecordException(contextPath(read), quoted(message),
                        "must be a finite JSON number", failure);
            }
            if (message != null && message.startsWith(DUPLICATE)) {
                String field = contextPath(read);
                return new InvalidRecordException(field, field, "must occur once in its object", failure);
            }
            JsonLocation at = read.getLocation();
            long offset = at == null ? -1 : at.getByteOffset();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new InvalidRecordException(ROOT, excerpt(document, offset),
                    "must be well-formed JSON" + where + ": " + firstLine(message), failure);
        }
        if (failure instanceof JsonMappingException mapping) {
            String field = path(mapping.getPath());
            if (field.equals(ROOT) && token(mapping) == null) {
                return new InvalidRecordException(ROOT, excerpt(document, -1), "must be a JSON object", failure);
            }
            Object value = tokenValue(mapping);
            if (value == null && mapping instanceof InvalidFormatException format && format.getValue() != null) {
                value = format.getValue() instanceof String text ? text : new Unquoted(format.getValue().toString());
            }
            return new InvalidRecordException(field, value, mismatchReason(mapping), failure);
        }
        return new InvalidRecordException(ROOT, excerpt(document, -1), "could not be read: " + failure, failure);
    }

    /**
     * @param document the whole input
     * @param offset   the byte offset of the error, or negative when unknown
     * @return up to {@value #EXCERPT_RADIUS} bytes either side of the offset as text (the document's start when the
     *         offset is unknown), with {@code ...} marking cut ends
     */
    public static String excerpt(byte[] document, long offset) {
        int centre = offset < 0 ? 0 : (int) Math.min(offset, document.length);
        int from = Math.max(0, centre - EXCERPT_RADIUS);
        int to = Math.min(document.length, Math.max(centre, from) + EXCERPT_RADIUS * (offset < 0 ? 2 : 1));
        String text = new String(document, from, to - from, StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}", " ");
        return (from > 0 ? "..." : "") + text + (to < document.length ? "..." : "");
    }

    private static InvalidRecordException recordVerdict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidRecordException invalid) {
                return invalid;
            }
        }
        return null;
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String mismatchReason(JsonMappingException mapping) {
        Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        JsonToken token = token(mapping);
        if (mapping instanceof InvalidFormatException && target != null && target.isEnum()) {
            return "must be one of " + List.of(target.getEnumConstants());
        }
        if (token == JsonToken.END_OBJECT) {
            return "is required";
        }
        if (token == JsonToken.VALUE_NULL) {
            return "must not be null";
        }
        if (target != null) {
            return "must be " + jsonType(target);
        }
        return firstLine(mapping.getOriginalMessage());
    }

    private static String jsonType(Class<?> target) {
        if (target == null) {
            return "the expected type";
        }
        if (target == double.class || target == Double.class || target == float.class || target == Float.class
                || target == BigDecimal.class) {
            return "a JSON number";
        }
        if (target == int.class || target == Integer.class) {
            return "a JSON integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        }
        if (target == long.class || target == Long.class) {
            return "a JSON integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
        }
        if (target == short.class || target == Short.class || target == byte.class || target == Byte.class
                || target == BigInteger.class) {
            return "a JSON integer";
        }
        if (target == String.class || CharSequence.class.isAssignableFrom(target)) {
            return "a JSON string";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "a JSON boolean";
        }
        if (target.isEnum()) {
            return "one of " + List.of(target.getEnumConstants());
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static JsonToken token(JsonMappingException failure) {
        return failure.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
    }

    /** The value the parser stood on when it failed: {@code null} for a missing or null value, else its text. */
    private static Object tokenValue(Object failure) {
        Object processor = failure instanceof JsonMappingException mapping ? mapping.getProcessor()
                : failure instanceof StreamReadException read ? read.getProcessor() : null;
        if (!(processor instanceof JsonParser parser)) {
            return null;
        }
        JsonToken token = parser.currentToken();
        if (token == null) {
            return null;
        }
        try {
            switch (token) {
                case VALUE_NULL:
                case END_OBJECT:
                case END_ARRAY:
                    return null;
                case START_OBJECT:
                    return "{...}";
                case START_ARRAY:
                    return "[...]";
                case VALUE_STRING:
                    return parser.getText();
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    String number = parser.getText();
                    return new Unquoted(number == null || number.isEmpty()
                            ? String.valueOf(parser.getNumberValue()) : number);
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return new Unquoted(parser.getText());
                default:
                    return new Unquoted(String.valueOf(parser.getText()));
            }
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** A path like {@code hyperparameters.seqLen} or {@code featureNames[1]}; {@value #ROOT} for the root. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? ROOT : path.toString();
    }

    /** The path of the parser's current position, for failures raised below databind. */
    private static String contextPath(StreamReadException failure) {
        JsonParser parser = failure.getProcessor();
        if (parser == null) {
            return ROOT;
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                path.insert(0, context.getCurrentName()).insert(0, '.');
            } else if (context.inArray()) {
                path.insert(0, "[" + Math.max(0, context.getCurrentIndex()) + "]");
            }
        }
        String text = path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
        return text.isEmpty() ? ROOT : text;
    }

    /** The quoted token in a message such as {@code Non-standard token 'NaN': enable ...}. */
    private static Object quoted(String message) {
        int open = message.indexOf('\'');
        int close = open < 0 ? -1 : message.indexOf('\'', open + 1);
        return close > open ? new Unquoted(message.substring(open + 1, close)) : null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A value rendered without the quotes {@link InvalidRecordException} puts around text. */
    private record Unquoted(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}

package io.tickforge.schemas.codec.internal;

import io.tickforge.schemas.InvalidRecordException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Typed reads from a {@link GenericRecord} for the Avro mappings. Values of the wrong Java type (only possible
 * for a record not read by the codec) fail naming the field; range checks are left to the records' constructors.
 */
public final class AvroFields {

    private AvroFields() {
    }

    /**
     * @param record the record
     * @param name   the field
     * @return the field as text ({@code null} when null)
     */
    public static String string(GenericRecord record, String name) {
        Object value = record.get(name);
        return value == null ? null : value.toString();
    }

    /**
     * @param record the record
     * @param name   the field
     * @param path   the field's name in errors, e.g. {@code dataWindow.rows}
     * @return the number's value
     */
    public static long longValue(GenericRecord record, String name, String path) {
        return number(record, name, path).longValue();
    }

    /**
     * @param record the record
     * @param name   the field
     * @param path   the field's name in errors
     * @return the number's value
     */
    public static int intValue(GenericRecord record, String name, String path) {
        return number(record, name, path).intValue();
    }

    /**
     * @param record the record
     * @param name   the field
     * @param path   the field's name in errors
     * @return the number's value
     */
    public static double doubleValue(GenericRecord record, String name, String path) {
        return number(record, name, path).doubleValue();
    }

    /**
     * @param record the record
     * @param name   a field of type {@code ["null", "double"]}
     * @param path   the field's name in errors
     * @return the value, or {@code null}
     */
    public static Double optionalDouble(GenericRecord record, String name, String path) {
        Object value = record.get(name);
        return value == null ? null : number(record, name, path).doubleValue();
    }

    /**
     * @param record the record
     * @param name   a field of type array of string
     * @param path   the field's name in errors
     * @return the elements as text, in order ({@code null} when null)
     */
    public static List<String> strings(GenericRecord record, String name, String path) {
        Object value = record.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Collection<?> elements)) {
            throw new InvalidRecordException(path, value, "must be an array of strings");
        }
        List<String> result = new ArrayList<>(elements.size());
        for (Object element : elements) {
            result.add(element == null ? null : element.toString());
        }
        return result;
    }

    /**
     * @param record the record
     * @param name   a field of record type
     * @param path   the field's name in errors
     * @return the nested record
     */
    public static GenericRecord record(GenericRecord record, String name, String path) {
        Object value = record.get(name);
        if (!(value instanceof GenericRecord nested)) {
            throw new InvalidRecordException(path, value, "must be a record");
        }
        return nested;
    }

    /**
     * @param record the record whose schema has the field
     * @param name   a field of record type
     * @return an empty generic record of the field's schema, to fill
     */
    public static GenericData.Record nested(GenericRecord record, String name) {
        Schema.Field field = record.getSchema().getField(name);
        return new GenericData.Record(field.schema());
    }

    /**
     * @param record the record whose schema has the field
     * @param name   a field of enum type
     * @param symbol the symbol
     * @return the enum value for the generic record
     */
    public static GenericData.EnumSymbol enumSymbol(GenericRecord record, String name, String symbol) {
        return new GenericData.EnumSymbol(record.getSchema().getField(name).schema(), symbol);
    }

    private static Number number(GenericRecord record, String name, String path) {
        Object value = record.get(name);
        if (!(value instanceof Number number)) {
            throw new InvalidRecordException(path, value, "must be a number");
        }
        return number;
    }
}

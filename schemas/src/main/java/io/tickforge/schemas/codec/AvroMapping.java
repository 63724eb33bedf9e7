package io.tickforge.schemas.codec;

import io.tickforge.schemas.InvalidRecordException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * How one record type maps to an Avro {@link GenericRecord} of its schema; {@link AvroCodec} does the rest (bytes,
 * framing, errors). Implementations are stateless and thread-safe.
 *
 * @param <T> the record type
 */
public interface AvroMapping<T> {

    /** @return the record type */
    Class<T> type();

    /** @return the Avro schema of the record type */
    Schema schema();

    /**
     * @param value a record, not null
     * @return the same data as a generic record of {@link #schema()}
     */
    GenericRecord toGenericRecord(T value);

    /**
     * @param record a generic record of {@link #schema()}, as read from the wire
     * @return the record
     * @throws InvalidRecordException when a value is invalid, naming the field
     */
    T fromGenericRecord(GenericRecord record);
}

package io.tickforge.schemas.codec;

import io.tickforge.schemas.InvalidRecordException;

/**
 * Turns records of one type into bytes and back, in one wire format. Implementations are immutable and
 * thread-safe, so one instance serves a whole application.
 *
 * @param <T> the record type
 */
public interface RecordCodec<T> {

    /** @return the type this codec reads and writes */
    Class<T> type();

    /**
     * @param record a record, not null
     * @return its encoding; a new array owned by the caller
     */
    byte[] encode(T record);

    /**
     * @param bytes an encoding produced by this codec (or any writer of the same format), not null
     * @return the record, validated
     * @throws InvalidRecordException naming the field and value at fault when the bytes are not a valid record
     */
    T decode(byte[] bytes);
}

package io.tickforge.trainer.ingest.internal;

import java.util.Objects;

/**
 * What the decoder makes of one input record: the record, or a dead letter carrying the original bytes. The two
 * travel on one stream until the topology splits them (a DSL processor has one output type).
 *
 * @param <T> the record type, {@code Tick} or {@code Bar}
 */
public sealed interface Decoded<T> {

    /**
     * A valid record.
     *
     * @param value the decoded record
     * @param <T>   its type
     */
    record Valid<T>(T value) implements Decoded<T> {
        /** Validates. */
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An unreadable record, to be written to the dead-letter topic as it was read (the reason is in the headers).
     *
     * @param key   the original key bytes, possibly null
     * @param value the original value bytes, possibly null
     * @param <T>   the type the record failed to be
     */
    record Dead<T>(byte[] key, byte[] value) implements Decoded<T> {
    }
}

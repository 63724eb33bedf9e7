package io.tickforge.schemas.kafka;

import io.tickforge.schemas.InvalidRecordException;
import io.tickforge.schemas.codec.RecordCodec;
import org.apache.kafka.common.serialization.Deserializer;

import java.util.Objects;

/**
 * A Kafka {@link Deserializer} that reads records with a {@link RecordCodec}; {@code null} is read as
 * {@code null} (a tombstone). A value that is not a valid record throws {@link InvalidRecordException} naming the
 * field and value. Thread-safe.
 *
 * @param <T> the record type
 */
public final class RecordDeserializer<T> implements Deserializer<T> {
    private final RecordCodec<T> codec;

    /** @param codec the encoding to read */
    public RecordDeserializer(RecordCodec<T> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : codec.decode(data);
    }
}

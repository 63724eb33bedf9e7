package io.tickforge.schemas.kafka;

import io.tickforge.schemas.codec.RecordCodec;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Objects;

/**
 * A Kafka {@link Serializer} that writes records with a {@link RecordCodec}; {@code null} is written as
 * {@code null} (a tombstone). Thread-safe.
 *
 * @param <T> the record type
 */
public final class RecordSerializer<T> implements Serializer<T> {
    private final RecordCodec<T> codec;

    /** @param codec the encoding to write */
    public RecordSerializer(RecordCodec<T> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : codec.encode(data);
    }
}

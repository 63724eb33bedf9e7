package io.tickforge.schemas.kafka;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.AvroCodec;
import io.tickforge.schemas.codec.JsonCodec;
import io.tickforge.schemas.codec.RecordCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Objects;

/**
 * A Kafka {@link Serde} over a {@link RecordCodec}: pass it to a producer, a consumer or a Kafka Streams topology
 * by instance (these serdes have no no-argument constructor, so they are not named in configuration). The static
 * factories give tickforge's formats. Thread-safe.
 *
 * @param <T> the record type
 */
public final class RecordSerde<T> implements Serde<T> {
    private final RecordCodec<T> codec;
    private final RecordSerializer<T> serializer;
    private final RecordDeserializer<T> deserializer;

    /** @param codec the encoding to write and read */
    public RecordSerde(RecordCodec<T> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.serializer = new RecordSerializer<>(codec);
        this.deserializer = new RecordDeserializer<>(codec);
    }

    /** @return ticks as JSON ({@code tick.schema.json}) */
    public static RecordSerde<Tick> tickJson() {
        return new RecordSerde<>(JsonCodec.tick());
    }

    /** @return ticks as Avro ({@code tick.avsc}, single-object encoding) */
    public static RecordSerde<Tick> tickAvro() {
        return new RecordSerde<>(AvroCodec.tick());
    }

    /** @return bars as JSON ({@code bar.schema.json}) */
    public static RecordSerde<Bar> barJson() {
        return new RecordSerde<>(JsonCodec.bar());
    }

    /** @return bars as Avro ({@code bar.avsc}, single-object encoding) */
    public static RecordSerde<Bar> barAvro() {
        return new RecordSerde<>(AvroCodec.bar());
    }

    /** @return model metadata as JSON ({@code model-metadata.schema.json}) */
    public static RecordSerde<ModelMetadata> modelMetadataJson() {
        return new RecordSerde<>(JsonCodec.modelMetadata());
    }

    /** @return model metadata as Avro ({@code model-metadata.avsc}, single-object encoding) */
    public static RecordSerde<ModelMetadata> modelMetadataAvro() {
        return new RecordSerde<>(AvroCodec.modelMetadata());
    }

    /** @return the codec behind this serde */
    public RecordCodec<T> codec() {
        return codec;
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}

package io.tickforge.schemas.codec;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;

/**
 * The wire formats tickforge reads and writes on Kafka topics: JSON (the default, readable with any consumer) and
 * Avro binary. Picking a format picks the codecs for every record type.
 */
public enum WireFormat {
    /** UTF-8 JSON documents, as described by the {@code *.schema.json} files. */
    JSON,
    /** Avro binary, as described by the {@code *.avsc} files. */
    AVRO;

    /** @return the tick codec of this format */
    public RecordCodec<Tick> tick() {
        return this == JSON ? JsonCodec.tick() : AvroCodec.tick();
    }

    /** @return the bar codec of this format */
    public RecordCodec<Bar> bar() {
        return this == JSON ? JsonCodec.bar() : AvroCodec.bar();
    }
}

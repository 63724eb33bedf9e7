package io.tickforge.schemas.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.tickforge.schemas.Bar;
import io.tickforge.schemas.InvalidRecordException;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.internal.JsonErrors;
import io.tickforge.schemas.codec.internal.StrictJson;

import java.io.IOException;
import java.util.Objects;

/**
 * UTF-8 JSON for a record type, as described by the JSON Schema files under {@code /schemas} on the classpath:
 * one object whose field names are the record's component names. {@code null} components (a tick's missing quote,
 * a score not measured) are omitted when writing and read back from either an absent or a {@code null} field.
 *
 * <p>Reading is strict, to match the schema files: an unknown or duplicate field, a value of the wrong JSON type,
 * a {@code NaN}/{@code Infinity} literal, trailing content or malformed JSON fail with an
 * {@link InvalidRecordException} that names the field by its path ({@code price}, {@code hyperparameters.cell},
 * {@code featureNames[1]}; {@code "$"} for the document itself) and the value. The record's constructor checks the
 * rest (ranges, {@code high >= low}), so what decodes is valid.
 *
 * <p>All codecs share one configured Jackson mapper; instances are immutable and thread-safe.
 *
 * @param <T> the record type
 */
public final class JsonCodec<T extends Record> implements RecordCodec<T> {
    private static final JsonCodec<Tick> TICK = new JsonCodec<>(Tick.class);
    private static final JsonCodec<Bar> BAR = new JsonCodec<>(Bar.class);
    private static final JsonCodec<ModelMetadata> MODEL_METADATA = new JsonCodec<>(ModelMetadata.class);

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JsonCodec(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.reader = StrictJson.readerFor(type);
        this.writer = StrictJson.writerFor(type);
    }

    /**
     * A codec for any record type whose canonical constructor validates its components by throwing
     * {@link InvalidRecordException}.
     *
     * @param type the record class
     * @param <T>  the record type
     * @return a codec for {@code type}
     */
    public static <T extends Record> JsonCodec<T> of(Class<T> type) {
        return new JsonCodec<>(type);
    }

    /** @return the codec of the tick topic's JSON format, {@code tick.schema.json} */
    public static JsonCodec<Tick> tick() {
        return TICK;
    }

    /** @return the codec of the bar JSON format, {@code bar.schema.json} */
    public static JsonCodec<Bar> bar() {
        return BAR;
    }

    /** @return the codec of the model metadata JSON format, {@code model-metadata.schema.json} */
    public static JsonCodec<ModelMetadata> modelMetadata() {
        return MODEL_METADATA;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public byte[] encode(T record) {
        Objects.requireNonNull(record, "record");
        try {
            return writer.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            // records are valid by construction, so this is a programming error, not bad input
            throw new IllegalStateException("could not write " + type.getSimpleName() + " as JSON", e);
        }
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidRecordException(JsonErrors.ROOT, null, "must be a JSON document");
        }
        T record;
        try {
            record = reader.readValue(bytes);
        } catch (IOException e) {
            throw JsonErrors.translate(e, bytes, type.getSimpleName());
        }
        if (record == null) {
            throw new InvalidRecordException(JsonErrors.ROOT, JsonErrors.excerpt(bytes, -1),
                    "must be a JSON object, not null");
        }
        return record;
    }

    @Override
    public String toString() {
        return "JsonCodec[" + type.getSimpleName() + "]";
    }
}

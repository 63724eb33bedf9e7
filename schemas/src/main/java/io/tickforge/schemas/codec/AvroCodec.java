package io.tickforge.schemas.codec;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.InvalidRecordException;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.internal.AvroBytes;
import io.tickforge.schemas.codec.internal.BarAvroMapping;
import io.tickforge.schemas.codec.internal.ModelMetadataAvroMapping;
import io.tickforge.schemas.codec.internal.TickAvroMapping;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Avro binary for a record type, in Avro's <em>single-object encoding</em>: the two marker bytes {@code C3 01},
 * the schema's 8-byte CRC-64-AVRO parsing fingerprint (little-endian), then the record's binary encoding. The
 * header costs 10 bytes per record and buys what a topic without a schema registry needs: a reader recognises
 * bytes that are not Avro at all, or that were written with another schema, and says so instead of decoding
 * garbage.
 *
 * <p>Decoding checks the header, that the body is exactly one record (nothing missing, nothing left over, no
 * length pointing past the end, so corrupt bytes never make it allocate), then builds the record through its
 * validating constructor. Every failure is an {@link InvalidRecordException}: on field {@code "$"} with a hex
 * excerpt of the bytes when they are not a record of this schema, on the record's field when a value is invalid.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the record type
 */
public final class AvroCodec<T> implements RecordCodec<T> {
    /** The field name used for the encoding as a whole. */
    public static final String ROOT = "$";
    /** Length of the single-object header: two marker bytes and an 8-byte fingerprint. */
    public static final int HEADER_LENGTH = 10;

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private static final AvroCodec<Tick> TICK = new AvroCodec<>(new TickAvroMapping());
    private static final AvroCodec<Bar> BAR = new AvroCodec<>(new BarAvroMapping());
    private static final AvroCodec<ModelMetadata> MODEL_METADATA = new AvroCodec<>(new ModelMetadataAvroMapping());

    private final AvroMapping<T> mapping;
    private final Schema schema;
    private final byte[] header;
    private final GenericDatumWriter<GenericRecord> writer;
    private final GenericDatumReader<GenericRecord> reader;

    private AvroCodec(AvroMapping<T> mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.schema = Objects.requireNonNull(mapping.schema(), "mapping.schema()");
        this.header = header(schema);
        this.writer = new GenericDatumWriter<>(schema, GenericData.get());
        this.reader = new GenericDatumReader<>(schema, schema, GenericData.get());
    }

    /**
     * @param mapping how the record type maps to its Avro schema
     * @param <T>     the record type
     * @return a codec for the mapping's type
     */
    public static <T> AvroCodec<T> of(AvroMapping<T> mapping) {
        return new AvroCodec<>(mapping);
    }

    /** @return the codec of {@link Tick}, schema {@code tick.avsc} */
    public static AvroCodec<Tick> tick() {
        return TICK;
    }

    /** @return the codec of {@link Bar}, schema {@code bar.avsc} */
    public static AvroCodec<Bar> bar() {
        return BAR;
    }

    /** @return the codec of {@link ModelMetadata}, schema {@code model-metadata.avsc} */
    public static AvroCodec<ModelMetadata> modelMetadata() {
        return MODEL_METADATA;
    }

    @Override
    public Class<T> type() {
        return mapping.type();
    }

    /** @return the schema records are written with and read with */
    public Schema schema() {
        return schema;
    }

    @Override
    public byte[] encode(T record) {
        Objects.requireNonNull(record, "record");
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_LENGTH + 64);
        out.writeBytes(header);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(mapping.toGenericRecord(record), encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + type().getSimpleName() + " as Avro", e);
        }
        return out.toByteArray();
    }

    @Override
    public T decode(byte[] bytes) {
        GenericRecord record = readGeneric(bytes);
        try {
            return mapping.fromGenericRecord(record);
        } catch (InvalidRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidRecordException(ROOT, AvroBytes.hex(bytes), "is not a valid Avro "
                    + schema.getFullName() + ": " + e, e);
        }
    }

    private GenericRecord readGeneric(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidRecordException(ROOT, null, "must be an Avro single-object encoding");
        }
        if (bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new InvalidRecordException(ROOT, AvroBytes.hex(bytes),
                    "must start with the Avro single-object marker C3 01 and an 8-byte schema fingerprint");
        }
        for (int i = 2; i < HEADER_LENGTH; i++) {
            if (bytes[i] != header[i]) {
                throw new InvalidRecordException(ROOT, AvroBytes.hex(bytes),
                        "was written with a schema other than this " + schema.getFullName() + " (fingerprint "
                                + AvroBytes.fingerprint(bytes) + ", expected " + AvroBytes.fingerprint(header) + ")");
            }
        }
        int bodyLength = bytes.length - HEADER_LENGTH;
        try {
            // a first pass that only skips: a corrupt length fails here on the real bounds instead of allocating
            BinaryDecoder probe = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bodyLength, null);
            GenericDatumReader.skip(schema, probe);
            if (!probe.isEnd()) {
                throw new InvalidRecordException(ROOT, AvroBytes.hex(bytes),
                        "has bytes left over after one " + schema.getFullName());
            }
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bodyLength, null);
            return reader.read(null, decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException
                 | NegativeArraySizeException e) {
            throw new InvalidRecordException(ROOT, AvroBytes.hex(bytes), "is not a valid Avro "
                    + schema.getFullName() + " (truncated or corrupt): " + e, e);
        }
    }

    private static byte[] header(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        byte[] header = new byte[HEADER_LENGTH];
        header[0] = MARKER_0;
        header[1] = MARKER_1;
        for (int i = 0; i < Long.BYTES; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
    }

    @Override
    public String toString() {
        return "AvroCodec[" + schema.getFullName() + "]";
    }
}

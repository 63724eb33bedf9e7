package io.tickforge.schemas.codec;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.InvalidRecordException;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.Samples;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.internal.BarAvroMapping;
import io.tickforge.schemas.codec.internal.ModelMetadataAvroMapping;
import io.tickforge.schemas.codec.internal.TickAvroMapping;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AvroCodecTest {

    private static InvalidRecordException decodeFailure(RecordCodec<?> codec, byte[] bytes) {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> codec.decode(bytes));
        assertThat(e).as("decoding must fail").isNotNull();
        return e;
    }

    /** Writes a generic record the way the codec does, bypassing the Java record's validation. */
    private static <T> byte[] encodeRaw(AvroCodec<T> codec, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(codec.encode(sampleFor(codec)), 0, AvroCodec.HEADER_LENGTH);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(codec.schema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked") // the sample matches the codec's type by construction
    private static <T> T sampleFor(AvroCodec<T> codec) {
        Object sample = codec.type() == Tick.class ? Samples.quotedTick()
                : codec.type() == Bar.class ? Samples.bar() : Samples.metadata();
        return (T) sample;
    }

    private static GenericData.Record tickRecord(double price, Double bid, Double ask) {
        GenericData.Record record = new GenericData.Record(AvroSchemas.tick());
        record.put("symbol", "AAPL");
        record.put("ts", Samples.TS);
        record.put("price", price);
        record.put("size", 100.0);
        record.put("bid", bid);
        record.put("ask", ask);
        return record;
    }

    @Test
    void shouldRoundTripTickWhenItHasAQuote() {
        Tick tick = Samples.quotedTick();

        assertThat(AvroCodec.tick().decode(AvroCodec.tick().encode(tick))).isEqualTo(tick);
    }

    @Test
    void shouldRoundTripTickWhenItHasNoQuote() {
        Tick tick = Samples.trade();

        assertThat(AvroCodec.tick().decode(AvroCodec.tick().encode(tick))).isEqualTo(tick);
    }

    @Test
    void shouldRoundTripBarWhenValid() {
        Bar bar = Samples.bar();

        assertThat(AvroCodec.bar().decode(AvroCodec.bar().encode(bar))).isEqualTo(bar);
    }

    @Test
    void shouldRoundTripModelMetadataWhenFullyScored() {
        ModelMetadata metadata = Samples.metadata();

        assertThat(AvroCodec.modelMetadata().decode(AvroCodec.modelMetadata().encode(metadata)))
                .isEqualTo(metadata);
    }

    @Test
    void shouldRoundTripModelMetadataWhenUnscored() {
        ModelMetadata metadata = Samples.unscoredMetadata();

        assertThat(AvroCodec.modelMetadata().decode(AvroCodec.modelMetadata().encode(metadata)))
                .isEqualTo(metadata);
    }

    @Test
    void shouldStartWithTheSingleObjectMarkerWhenEncoding() {
        byte[] bytes = AvroCodec.tick().encode(Samples.trade());

        assertThat(Arrays.copyOf(bytes, 2)).containsExactly(0xC3, 0x01);
    }

    @Test
    void shouldBeSmallerThanJsonWhenEncodingATick() {
        Tick tick = Samples.quotedTick();

        assertThat(AvroCodec.tick().encode(tick).length).isLessThan(JsonCodec.tick().encode(tick).length);
    }

    @Test
    void shouldFailOnTheDocumentWhenEveryTruncationOfATickIsDecoded() {
        byte[] bytes = AvroCodec.tick().encode(Samples.quotedTick());

        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThat(decodeFailure(AvroCodec.tick(), truncated).field()).as("length %d", length).isEqualTo("$");
        }
    }

    @Test
    void shouldFailOnTheDocumentWhenEveryTruncationOfMetadataIsDecoded() {
        byte[] bytes = AvroCodec.modelMetadata().encode(Samples.metadata());

        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThat(decodeFailure(AvroCodec.modelMetadata(), truncated).field()).as("length %d", length)
                    .isEqualTo("$");
        }
    }

    @Test
    void shouldFailWhenBytesAreLeftOver() {
        byte[] bytes = AvroCodec.tick().encode(Samples.trade());
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 1);

        assertThat(decodeFailure(AvroCodec.tick(), padded).getMessage()).contains("left over");
    }

    @Test
    void shouldFailWithoutAllocatingWhenALengthIsCorrupt() {
        byte[] bytes = AvroCodec.tick().encode(Samples.trade());
        // the symbol's length, a zig-zag varint right after the header: claim 2^31 - 10 bytes, which a reader
        // that trusts it would try to allocate (and, with the tests' 2 GiB heap, fail with OutOfMemoryError)
        byte[] corrupt = new byte[bytes.length + 4];
        System.arraycopy(bytes, 0, corrupt, 0, AvroCodec.HEADER_LENGTH);
        byte[] huge = {(byte) 0xEC, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
        System.arraycopy(huge, 0, corrupt, AvroCodec.HEADER_LENGTH, huge.length);

        assertThat(decodeFailure(AvroCodec.tick(), corrupt).field()).isEqualTo("$");
    }

    @Test
    void shouldFailWhenAUnionBranchIsCorrupt() {
        byte[] bytes = AvroCodec.tick().encode(Samples.trade());
        bytes[bytes.length - 1] = 0x10; // the ask's union index: branch 8 of 2

        assertThat(decodeFailure(AvroCodec.tick(), bytes).field()).isEqualTo("$");
    }

    @Test
    void shouldFailWhenTheMarkerIsMissing() {
        byte[] json = JsonCodec.tick().encode(Samples.trade());

        assertThat(decodeFailure(AvroCodec.tick(), json).getMessage()).contains("marker");
    }

    @Test
    void shouldFailWhenWrittenWithAnotherSchema() {
        byte[] bar = AvroCodec.bar().encode(Samples.bar());

        assertThat(decodeFailure(AvroCodec.tick(), bar).getMessage()).contains("fingerprint");
    }

    @Test
    void shouldNameTheDocumentWhenBytesAreNull() {
        assertThat(decodeFailure(AvroCodec.tick(), null).field()).isEqualTo("$");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY})
    void shouldNamePriceWhenEncodedPriceIsInvalid(double price) throws IOException {
        byte[] bytes = encodeRaw(AvroCodec.tick(), tickRecord(price, null, null));

        assertThat(decodeFailure(AvroCodec.tick(), bytes).field()).isEqualTo("price");
    }

    @Test
    void shouldNameAskWhenEncodedAskIsBelowBid() throws IOException {
        byte[] bytes = encodeRaw(AvroCodec.tick(), tickRecord(10.0, 10.0, 9.0));

        assertThat(decodeFailure(AvroCodec.tick(), bytes).field()).isEqualTo("ask");
    }

    @Test
    void shouldNameSymbolWhenEncodedSymbolIsBlank() throws IOException {
        GenericData.Record record = tickRecord(10.0, null, null);
        record.put("symbol", " ");

        assertThat(decodeFailure(AvroCodec.tick(), encodeRaw(AvroCodec.tick(), record)).field())
                .isEqualTo("symbol");
    }

    @Test
    void shouldNameHighWhenEncodedHighIsBelowLow() throws IOException {
        GenericRecord record = new BarAvroMapping().toGenericRecord(Samples.bar());
        record.put("high", 90.0);

        assertThat(decodeFailure(AvroCodec.bar(), encodeRaw(AvroCodec.bar(), record)).field()).isEqualTo("high");
    }

    @Test
    void shouldNameTheNestedFieldWhenEncodedMetadataIsInvalid() throws IOException {
        GenericRecord record = new ModelMetadataAvroMapping().toGenericRecord(Samples.metadata());
        ((GenericRecord) record.get("dataWindow")).put("symbols", List.of("GOOG", "GOOG"));

        assertThat(decodeFailure(AvroCodec.modelMetadata(), encodeRaw(AvroCodec.modelMetadata(), record)).field())
                .isEqualTo("dataWindow.symbols[1]");
    }

    @Test
    void shouldQuoteTheBytesInHexWhenDecodingFails() {
        byte[] bytes = "oops".getBytes(StandardCharsets.US_ASCII);

        assertThat(decodeFailure(AvroCodec.tick(), bytes).value()).contains("6f 6f 70 73", "(4 bytes)");
    }

    @Test
    void shouldRoundTripWhenBuiltFromAMapping() {
        AvroCodec<Tick> codec = AvroCodec.of(new TickAvroMapping());

        assertThat(codec.decode(AvroCodec.tick().encode(Samples.trade()))).isEqualTo(Samples.trade());
    }
}

package io.tickforge.schemas.kafka;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.InvalidRecordException;
import io.tickforge.schemas.Samples;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.JsonCodec;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class RecordSerdeTest {
    private static final String TOPIC = "market.ticks";

    static Stream<Arguments> serdesAndRecords() {
        return Stream.of(
                Arguments.of("tick json", RecordSerde.tickJson(), Samples.quotedTick()),
                Arguments.of("tick avro", RecordSerde.tickAvro(), Samples.trade()),
                Arguments.of("bar json", RecordSerde.barJson(), Samples.bar()),
                Arguments.of("bar avro", RecordSerde.barAvro(), Samples.bar()),
                Arguments.of("metadata json", RecordSerde.modelMetadataJson(), Samples.metadata()),
                Arguments.of("metadata avro", RecordSerde.modelMetadataAvro(), Samples.unscoredMetadata()));
    }

    static Stream<Arguments> serdes() {
        return serdesAndRecords().map(arguments -> Arguments.of(arguments.get()[0], arguments.get()[1]));
    }

    private static <T> T roundTrip(Serde<T> serde, T record) {
        byte[] bytes = serde.serializer().serialize(TOPIC, record);
        return serde.deserializer().deserialize(TOPIC, bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serdesAndRecords")
    <T> void shouldRoundTripTheRecordWhenSerializedAndDeserialized(String name, Serde<T> serde, T record) {
        assertThat(roundTrip(serde, record)).isEqualTo(record);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serdes")
    void shouldWriteNullWhenTheValueIsATombstone(String name, Serde<?> serde) {
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serdes")
    void shouldReadNullWhenTheValueIsATombstone(String name, Serde<?> serde) {
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serdes")
    void shouldThrowInvalidRecordWhenTheBytesAreGarbage(String name, Serde<?> serde) {
        byte[] garbage = {0x00, 0x01, 0x02};

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, garbage))
                .isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void shouldNameTheFieldWhenAJsonTickIsInvalid() {
        byte[] bytes = Samples.replace(Samples.TICK_JSON, "189.5,", "-1,").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RecordSerde.tickJson().deserializer().deserialize(TOPIC, bytes))
                .asInstanceOf(type(InvalidRecordException.class))
                .extracting(InvalidRecordException::field)
                .isEqualTo("price");
    }

    @Test
    void shouldUseTheGivenCodecWhenBuiltFromOne() {
        RecordSerde<Bar> serde = new RecordSerde<>(JsonCodec.bar());

        assertThat(serde.serializer().serialize(TOPIC, Samples.bar())).isEqualTo(JsonCodec.bar().encode(Samples.bar()));
    }

    @Test
    void shouldNotReadAvroWhenTheSerdeIsJson() {
        byte[] avro = RecordSerde.tickAvro().serializer().serialize(TOPIC, Samples.trade());
        Serde<Tick> json = RecordSerde.tickJson();

        assertThatThrownBy(() -> json.deserializer().deserialize(TOPIC, avro))
                .asInstanceOf(type(InvalidRecordException.class))
                .extracting(InvalidRecordException::field)
                .isEqualTo("$");
    }
}

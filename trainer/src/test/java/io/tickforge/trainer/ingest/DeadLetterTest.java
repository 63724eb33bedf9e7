package io.tickforge.trainer.ingest;

import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.AvroCodec;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.trainer.TopologyFixture;
import io.tickforge.trainer.retrain.ScheduleConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import static io.tickforge.trainer.TopologyFixture.T0;
import static io.tickforge.trainer.TopologyFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTest {
    private static final String VALID = "{\"symbol\":\"AAPL\",\"ts\":" + T0 + ",\"price\":101.5,\"size\":3}";

    @TempDir
    java.nio.file.Path stateDir;

    private TopologyFixture fixture() {
        return new TopologyFixture(TopologyFixture.config(), stateDir);
    }

    private static String with(String from, String to) {
        return VALID.replace(from, to);
    }

    static Stream<Arguments> badTicks() {
        long farFuture = TopologyFixture.WALL_CLOCK.toEpochMilli() + 2 * 86_400_000L;
        return Stream.of(
                Arguments.of("malformed JSON", "{\"symbol\":\"AAPL\",\"ts\":", "malformed"),
                Arguments.of("not an object", "[1,2,3]", "malformed"),
                Arguments.of("trailing garbage", VALID + " x", "malformed"),
                Arguments.of("duplicate field", with("\"size\":3", "\"size\":3,\"size\":4"), "malformed"),
                Arguments.of("missing price", with("\"price\":101.5,", ""), "missing-field"),
                Arguments.of("missing ts", with("\"ts\":" + T0 + ",", ""), "missing-field"),
                Arguments.of("missing symbol", with("\"symbol\":\"AAPL\",", ""), "missing-field"),
                Arguments.of("null size", with("\"size\":3", "\"size\":null"), "missing-field"),
                Arguments.of("price as a string", with("101.5", "\"101.5\""), "wrong-type"),
                Arguments.of("symbol as a number", with("\"AAPL\"", "7"), "wrong-type"),
                Arguments.of("ts as a fraction", with("\"ts\":" + T0, "\"ts\":" + T0 + ".5"), "wrong-type"),
                Arguments.of("unknown field", with("\"size\":3", "\"size\":3,\"venue\":\"X\""), "unknown-field"),
                Arguments.of("NaN price", with("101.5", "NaN"), "invalid-value"),
                Arguments.of("Infinity size", with("\"size\":3", "\"size\":Infinity"), "invalid-value"),
                Arguments.of("overflowing price", with("101.5", "1e400"), "invalid-value"),
                Arguments.of("negative price", with("101.5", "-101.5"), "invalid-value"),
                Arguments.of("zero price", with("101.5", "0"), "invalid-value"),
                Arguments.of("negative size", with("\"size\":3", "\"size\":-3"), "invalid-value"),
                Arguments.of("ask below bid", with("\"size\":3", "\"size\":3,\"bid\":101,\"ask\":100"),
                        "invalid-value"),
                Arguments.of("blank symbol", with("\"AAPL\"", "\"   \""), "blank-symbol"),
                Arguments.of("empty symbol", with("\"AAPL\"", "\"\""), "blank-symbol"),
                Arguments.of("zero timestamp", with("\"ts\":" + T0, "\"ts\":0"), "bad-timestamp"),
                Arguments.of("timestamp in microseconds", with("\"ts\":" + T0, "\"ts\":" + T0 * 1000),
                        "bad-timestamp"),
                Arguments.of("timestamp two days ahead", with("\"ts\":" + T0, "\"ts\":" + farFuture),
                        "bad-timestamp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTicks")
    void shouldDeadLetterWithReasonWhenTickIsBad(String name, String json, String reason) {
        try (TopologyFixture fixture = fixture()) {
            fixture.pipeJson("AAPL", json);

            assertThat(fixture.deadLetters()).singleElement().satisfies(record -> {
                assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.REASON)).isEqualTo(reason);
                assertThat(record.value()).isEqualTo(utf8(json));
            });
            assertThat(fixture.counter("dlq.records", "reason", reason)).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepOriginalKeyValueAndHeadersWhenDeadLettering() {
        byte[] key = {(byte) 0xff, 0, 'k'};
        byte[] value = utf8(with("101.5", "-1"));
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace-id", utf8("abc"));
        try (TopologyFixture fixture = fixture()) {
            fixture.pipeRaw(key, value, headers);

            TestRecord<byte[], byte[]> dead = fixture.deadLetters().get(0);
            assertThat(dead.key()).isEqualTo(key);
            assertThat(dead.value()).isEqualTo(value);
            assertThat(DeadLetterHeaders.text(dead.headers(), "trace-id")).isEqualTo("abc");
            assertThat(DeadLetterHeaders.text(dead.headers(), DeadLetterHeaders.DETAIL))
                    .isEqualTo("price must be finite and > 0, was -1.0");
            assertThat(DeadLetterHeaders.text(dead.headers(), DeadLetterHeaders.SOURCE))
                    .isEqualTo("market.ticks-0@0");
        }
    }

    @Test
    void shouldNameTheSourceOffsetWhenSeveralRecordsWereRead() {
        try (TopologyFixture fixture = fixture()) {
            fixture.pipeJson("AAPL", VALID);
            fixture.pipeJson("AAPL", VALID);
            fixture.pipeJson("AAPL", "{");

            assertThat(fixture.deadLetters()).singleElement().satisfies(dead -> assertThat(
                    DeadLetterHeaders.text(dead.headers(), DeadLetterHeaders.SOURCE)).isEqualTo("market.ticks-0@2"));
        }
    }

    @Test
    void shouldDeadLetterTombstoneWhenValueIsNull() {
        try (TopologyFixture fixture = fixture()) {
            fixture.pipeRaw(utf8("AAPL"), null);

            assertThat(fixture.deadLetters()).singleElement().satisfies(dead -> {
                assertThat(dead.key()).isEqualTo(utf8("AAPL"));
                assertThat(dead.value()).isNull();
                assertThat(DeadLetterHeaders.text(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("null-value");
            });
            assertThat(fixture.counter("dlq.records", "reason", "null-value")).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepAggregatingWhenBadRecordsArriveBetweenTicks() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0 + 100, 10, 1);
            fixture.pipeJson("AAPL", "{garbage");
            fixture.pipeRaw(null, null);
            fixture.pipeJson("AAPL", with("101.5", "NaN"));
            fixture.tick("AAPL", T0 + 200, 11, 2);
            fixture.tick("AAPL", T0 + 3_000, 12, 1);

            assertThat(fixture.deadLetters()).hasSize(3);
            assertThat(fixture.window("AAPL")).singleElement().satisfies(bar -> {
                assertThat(bar.tradeCount()).isEqualTo(2);
                assertThat(bar.volume()).isEqualTo(3);
            });
        }
    }

    @Test
    void shouldCountEveryInputRecordWhenValidOrNot() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0, 10, 1);
            fixture.pipeJson("AAPL", "{");
            fixture.pipeRaw(null, null);
            fixture.tick("AAPL", T0 + 1, 10, 1);

            assertThat(fixture.counter("records.in")).isEqualTo(4);
        }
    }

    @Test
    void shouldDeadLetterJsonBytesWhenFormatIsAvro() {
        try (TopologyFixture fixture = new TopologyFixture(TopologyFixture.config(IngestConfig.Input.TICKS,
                WireFormat.AVRO, ScheduleConfig.Scope.PER_SYMBOL), stateDir)) {
            fixture.pipeJson("AAPL", VALID);

            assertThat(fixture.deadLetters()).singleElement().satisfies(dead -> assertThat(
                    DeadLetterHeaders.text(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("malformed"));
        }
    }

    @Test
    void shouldDeadLetterTruncatedAvroWhenFormatIsAvro() {
        byte[] tick = AvroCodec.tick().encode(Tick.trade("AAPL", T0, 101.5, 3));
        try (TopologyFixture fixture = new TopologyFixture(TopologyFixture.config(IngestConfig.Input.TICKS,
                WireFormat.AVRO, ScheduleConfig.Scope.PER_SYMBOL), stateDir)) {
            fixture.pipeRaw(utf8("AAPL"), Arrays.copyOf(tick, tick.length - 4));

            assertThat(fixture.deadLetters()).singleElement().satisfies(dead -> assertThat(
                    DeadLetterHeaders.text(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("malformed"));
        }
    }

    @Test
    void shouldDeadLetterNanPriceWhenAvroCarriesIt() {
        byte[] tick = AvroCodec.tick().encode(Tick.trade("AAPL", T0, 101.5, 3));
        replaceDouble(tick, 101.5, Double.NaN);
        try (TopologyFixture fixture = new TopologyFixture(TopologyFixture.config(IngestConfig.Input.TICKS,
                WireFormat.AVRO, ScheduleConfig.Scope.PER_SYMBOL), stateDir)) {
            fixture.pipeRaw(utf8("AAPL"), tick);

            assertThat(fixture.deadLetters()).singleElement().satisfies(dead -> {
                assertThat(DeadLetterHeaders.text(dead.headers(), DeadLetterHeaders.REASON))
                        .isEqualTo("invalid-value");
                assertThat(DeadLetterHeaders.text(dead.headers(), DeadLetterHeaders.DETAIL)).contains("price", "NaN");
            });
        }
    }

    @Test
    void shouldDeadLetterInconsistentBarWhenInputIsBars() {
        String bar = "{\"symbol\":\"AAPL\",\"start\":" + T0 + ",\"intervalMs\":1000,\"open\":10,\"high\":9,"
                + "\"low\":8,\"close\":9.5,\"volume\":1,\"tradeCount\":1}";
        try (TopologyFixture fixture = new TopologyFixture(TopologyFixture.config(IngestConfig.Input.BARS,
                WireFormat.JSON, ScheduleConfig.Scope.PER_SYMBOL), stateDir)) {
            fixture.pipeJson("AAPL", bar);

            assertThat(fixture.deadLetters()).singleElement().satisfies(dead -> {
                assertThat(DeadLetterHeaders.text(dead.headers(), DeadLetterHeaders.REASON))
                        .isEqualTo("invalid-value");
                assertThat(DeadLetterHeaders.text(dead.headers(), DeadLetterHeaders.DETAIL)).startsWith("high");
            });
            assertThat(fixture.window("AAPL")).isEmpty();
        }
    }

    /** Overwrites the little-endian encoding of {@code from} (Avro's double) in place. */
    private static void replaceDouble(byte[] bytes, double from, double to) {
        byte[] needle = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(from).array();
        byte[] replacement = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(to).array();
        for (int i = 0; i + 8 <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + 8, needle, 0, 8)) {
                System.arraycopy(replacement, 0, bytes, i, 8);
                return;
            }
        }
        throw new AssertionError("no " + from + " in " + new String(bytes, StandardCharsets.ISO_8859_1));
    }
}

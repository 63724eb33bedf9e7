package io.tickforge.trainer.window;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.trainer.StoreKind;
import io.tickforge.trainer.TopologyFixture;
import io.tickforge.trainer.ingest.IngestConfig;
import io.tickforge.trainer.retrain.ScheduleConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static io.tickforge.trainer.TopologyFixture.bar;
import static org.assertj.core.api.Assertions.assertThat;

class BarWindowTest {

    @TempDir
    Path stateDir;

    private TopologyFixture barInput(ScheduleConfig.Scope scope) {
        return new TopologyFixture(TopologyFixture.config(IngestConfig.Input.BARS, WireFormat.JSON, scope), stateDir);
    }

    private static List<Bar> bars(String symbol, int from, int toExclusive) {
        return IntStream.range(from, toExclusive).mapToObj(i -> bar(symbol, i)).toList();
    }

    @Test
    void shouldPassBarsThroughUnchangedWhenInputIsBars() {
        try (TopologyFixture fixture = barInput(ScheduleConfig.Scope.PER_SYMBOL)) {
            fixture.bars("AAPL", 0, 5);

            assertThat(fixture.window("AAPL")).containsExactlyElementsOf(bars("AAPL", 0, 5));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void shouldKeepTheLatestCapacityBarsOldestFirstWhenMoreArrive(StoreKind stores) {
        try (TopologyFixture fixture = new TopologyFixture(TopologyFixture.config(IngestConfig.Input.BARS,
                WireFormat.JSON, ScheduleConfig.Scope.PER_SYMBOL), stateDir, stores)) {
            fixture.bars("AAPL", 0, 47);

            assertThat(fixture.window("AAPL")).containsExactlyElementsOf(bars("AAPL", 17, 47));
            assertThat(fixture.gauge("window.bars", "symbol", "AAPL")).isEqualTo(30);
            assertThat(fixture.gauge("window.fill", "symbol", "AAPL")).isEqualTo(1.0);
        }
    }

    @Test
    void shouldKeepAWindowPerSymbolWhenSymbolsInterleave() {
        try (TopologyFixture fixture = barInput(ScheduleConfig.Scope.PER_SYMBOL)) {
            for (int i = 0; i < 32; i++) {
                fixture.bar(bar("AAPL", i));
                if (i % 2 == 0) {
                    fixture.bar(bar("MSFT", i));
                }
            }

            assertThat(fixture.window("AAPL")).containsExactlyElementsOf(bars("AAPL", 2, 32));
            assertThat(fixture.window("MSFT")).extracting(Bar::symbol).hasSize(16).containsOnly("MSFT");
        }
    }

    @Test
    void shouldKeepEveryBarOfEverySymbolWhenScopeIsPooled() {
        try (TopologyFixture fixture = barInput(ScheduleConfig.Scope.POOLED)) {
            fixture.bars("AAPL", 0, 3);
            fixture.bars("MSFT", 0, 2);

            assertThat(fixture.window("AAPL")).containsExactlyElementsOf(bars("AAPL", 0, 3));
            assertThat(fixture.window("MSFT")).containsExactlyElementsOf(bars("MSFT", 0, 2));
        }
    }

    @Test
    void shouldDropBarWhenItDoesNotStartAfterTheWindowsLatest() {
        try (TopologyFixture fixture = barInput(ScheduleConfig.Scope.PER_SYMBOL)) {
            fixture.bar(bar("AAPL", 5));
            fixture.bar(bar("AAPL", 3));
            fixture.bar(bar("AAPL", 5));
            fixture.bar(bar("AAPL", 6));

            assertThat(fixture.window("AAPL")).containsExactly(bar("AAPL", 5), bar("AAPL", 6));
            assertThat(fixture.counter("records.dropped", "reason", "out-of-order")).isEqualTo(2);
            assertThat(fixture.counter("bars.closed", "symbol", "AAPL")).isEqualTo(2);
        }
    }

    @Test
    void shouldWriteAConstantNumberOfChangelogRecordsPerAppendWhenTheWindowIsFull() {
        try (TopologyFixture fixture = barInput(ScheduleConfig.Scope.PER_SYMBOL)) {
            String app = fixture.trainerConfig().applicationId();
            TestOutputTopic<String, byte[]> barLog = fixture.driver().createOutputTopic(
                    app + "-" + WindowStores.BARS + "-changelog", new StringDeserializer(),
                    new ByteArrayDeserializer());
            TestOutputTopic<String, byte[]> headLog = fixture.driver().createOutputTopic(
                    app + "-" + WindowStores.HEADS + "-changelog", new StringDeserializer(),
                    new ByteArrayDeserializer());
            fixture.bars("AAPL", 0, 30);
            barLog.readRecordsToList();
            headLog.readRecordsToList();

            fixture.bars("AAPL", 30, 10);

            List<TestRecord<String, byte[]>> barRecords = barLog.readRecordsToList();
            assertThat(barRecords).hasSize(20);
            assertThat(barRecords.stream().filter(r -> r.value() == null)).hasSize(10);
            assertThat(headLog.readRecordsToList()).hasSize(10);
        }
    }
}

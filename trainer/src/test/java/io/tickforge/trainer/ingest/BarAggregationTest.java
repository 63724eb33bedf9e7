package io.tickforge.trainer.ingest;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.AvroCodec;
import io.tickforge.schemas.codec.JsonCodec;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.trainer.TopicsConfig;
import io.tickforge.trainer.TopologyFixture;
import io.tickforge.trainer.TrainerConfig;
import io.tickforge.trainer.retrain.ScheduleConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static io.tickforge.trainer.TopologyFixture.T0;
import static io.tickforge.trainer.TopologyFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class BarAggregationTest {

    @TempDir
    Path stateDir;

    private TopologyFixture fixture() {
        return new TopologyFixture(TopologyFixture.config(), stateDir);
    }

    @Test
    void shouldAggregateOhlcvInEventTimeOrderWhenTicksArriveOutOfOrderWithinTheBar() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0 + 500, 12, 2);
            fixture.tick("AAPL", T0 + 100, 10, 1);
            fixture.tick("AAPL", T0 + 900, 11, 4);
            fixture.tick("AAPL", T0 + 300, 9, 3);
            fixture.tick("AAPL", T0 + 3_000, 50, 1);

            assertThat(fixture.window("AAPL")).containsExactly(new Bar("AAPL", T0, 1000, 10, 12, 9, 11, 10, 4));
        }
    }

    @Test
    void shouldAlignBarsToMultiplesOfTheIntervalWhenTicksAreOffGrid() {
        TrainerConfig base = TopologyFixture.config();
        TrainerConfig fiveSeconds = new TrainerConfig(base.applicationId(), base.topics(),
                new IngestConfig(IngestConfig.Input.TICKS, WireFormat.JSON, Duration.ofSeconds(5), Duration.ZERO),
                base.window(), base.schedule(), base.training(), base.gate());
        try (TopologyFixture fixture = new TopologyFixture(fiveSeconds, stateDir)) {
            fixture.tick("AAPL", T0 + 7_000, 10, 1);
            fixture.tick("AAPL", T0 + 9_999, 11, 1);
            fixture.tick("AAPL", T0 + 10_000, 12, 1);
            fixture.tick("AAPL", T0 + 15_000, 13, 1);

            assertThat(fixture.window("AAPL")).extracting(Bar::start, Bar::intervalMs, Bar::tradeCount)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(T0 + 5_000, 5_000L, 2L),
                            org.assertj.core.groups.Tuple.tuple(T0 + 10_000, 5_000L, 1L));
        }
    }

    @Test
    void shouldKeepBarOpenWhenStreamTimeHasNotReachedEndPlusGrace() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0 + 100, 10, 1);
            fixture.tick("AAPL", T0 + 2_999, 11, 1);

            assertThat(fixture.window("AAPL")).isEmpty();
        }
    }

    @Test
    void shouldCloseBarWhenStreamTimeReachesEndPlusGrace() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0 + 100, 10, 1);
            fixture.tick("AAPL", T0 + 2_999, 11, 1);
            fixture.tick("AAPL", T0 + 3_000, 12, 1);

            assertThat(fixture.window("AAPL")).extracting(Bar::start).containsExactly(T0);
        }
    }

    @Test
    void shouldCloseBarWhenAnotherSymbolAdvancesStreamTime() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0 + 100, 10, 1);
            fixture.tick("MSFT", T0 + 3_000, 20, 1);

            assertThat(fixture.window("AAPL")).extracting(Bar::start).containsExactly(T0);
            assertThat(fixture.window("MSFT")).isEmpty();
        }
    }

    @Test
    void shouldAcceptTickWithinGraceWhenItsBarIsStillOpen() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0 + 100, 10, 1);
            fixture.tick("AAPL", T0 + 2_500, 11, 1);
            fixture.tick("AAPL", T0 + 800, 14, 5);
            fixture.tick("AAPL", T0 + 3_000, 12, 1);

            assertThat(fixture.window("AAPL")).containsExactly(new Bar("AAPL", T0, 1000, 10, 14, 10, 14, 6, 2));
            assertThat(fixture.counter("ticks.late")).isZero();
        }
    }

    @Test
    void shouldCountAndDropLateTickWhenItsBarHasClosed() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0 + 100, 10, 1);
            fixture.tick("AAPL", T0 + 3_000, 12, 1);
            fixture.tick("AAPL", T0 + 500, 99, 7);
            fixture.tick("AAPL", T0 + 6_000, 13, 1);

            assertThat(fixture.counter("ticks.late")).isEqualTo(1);
            assertThat(fixture.window("AAPL")).containsExactly(new Bar("AAPL", T0, 1000, 10, 10, 10, 10, 1, 1),
                    new Bar("AAPL", T0 + 3_000, 1000, 12, 12, 12, 12, 1, 1));
        }
    }

    @Test
    void shouldCountLateTickWhenItsBarWasNeverOpenedBeforeStreamTimePassedIt() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0 + 10_000, 10, 1);
            fixture.tick("MSFT", T0 + 1_000, 20, 1);

            assertThat(fixture.counter("ticks.late")).isEqualTo(1);
        }
    }

    @Test
    void shouldGroupByTheTicksSymbolWhenInputKeyIsNullOrDifferent() {
        try (TopologyFixture fixture = fixture()) {
            fixture.pipeRaw(null, JsonCodec.tick().encode(Tick.trade("AAPL", T0 + 100, 10, 1)));
            fixture.pipeRaw(utf8("MSFT"), JsonCodec.tick().encode(Tick.trade("AAPL", T0 + 200, 11, 2)));
            fixture.tick("AAPL", T0 + 3_000, 12, 1);

            assertThat(fixture.window("AAPL")).containsExactly(new Bar("AAPL", T0, 1000, 10, 11, 10, 11, 3, 2));
            assertThat(fixture.window("MSFT")).isEmpty();
        }
    }

    @Test
    void shouldKeepSymbolsApartWhenTheirTicksInterleave() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0 + 100, 10, 1);
            fixture.tick("MSFT", T0 + 150, 200, 5);
            fixture.tick("AAPL", T0 + 200, 11, 1);
            fixture.tick("MSFT", T0 + 250, 190, 5);
            fixture.tick("AAPL", T0 + 3_000, 12, 1);

            assertThat(fixture.window("AAPL")).containsExactly(new Bar("AAPL", T0, 1000, 10, 11, 10, 11, 2, 2));
            assertThat(fixture.window("MSFT")).containsExactly(new Bar("MSFT", T0, 1000, 200, 200, 190, 190, 10, 2));
        }
    }

    @Test
    void shouldSkipIntervalsWithoutTicksWhenTheFeedPauses() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0 + 100, 10, 1);
            fixture.tick("AAPL", T0 + 5_100, 11, 1);
            fixture.tick("AAPL", T0 + 9_000, 12, 1);

            assertThat(fixture.window("AAPL")).extracting(Bar::start).containsExactly(T0, T0 + 5_000);
        }
    }

    @Test
    void shouldCountClosedBarsAndWindowFillWhenBarsClose() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0 + 100, 10, 1);
            fixture.tick("AAPL", T0 + 1_100, 11, 1);
            fixture.tick("AAPL", T0 + 4_000, 12, 1);

            assertThat(fixture.counter("bars.closed", "symbol", "AAPL")).isEqualTo(2);
            assertThat(fixture.gauge("window.bars", "symbol", "AAPL")).isEqualTo(2);
            assertThat(fixture.gauge("window.fill", "symbol", "AAPL")).isEqualTo(2.0 / 30);
        }
    }

    @Test
    void shouldAggregateAvroTicksWhenFormatIsAvro() {
        try (TopologyFixture fixture = new TopologyFixture(TopologyFixture.config(IngestConfig.Input.TICKS,
                WireFormat.AVRO, ScheduleConfig.Scope.PER_SYMBOL), stateDir)) {
            fixture.pipeRaw(utf8("AAPL"), AvroCodec.tick().encode(Tick.trade("AAPL", T0 + 100, 10, 1)));
            fixture.pipeRaw(utf8("AAPL"), AvroCodec.tick().encode(Tick.trade("AAPL", T0 + 3_000, 11, 1)));

            assertThat(fixture.window("AAPL")).containsExactly(new Bar("AAPL", T0, 1000, 10, 10, 10, 10, 1, 1));
            assertThat(fixture.deadLetters()).isEmpty();
        }
    }

    @Test
    void shouldReadTheConfiguredTopicWhenTopicsAreNotTheDefaults() {
        TrainerConfig base = TopologyFixture.config();
        TrainerConfig custom = new TrainerConfig(base.applicationId(), new TopicsConfig("in", "in.dlq", "out"),
                base.ingest(), base.window(), base.schedule(), base.training(), base.gate());
        try (TopologyFixture fixture = new TopologyFixture(custom, stateDir)) {
            fixture.tick("AAPL", T0 + 100, 10, 1);
            fixture.pipeJson("AAPL", "{");
            fixture.tick("AAPL", T0 + 3_000, 11, 1);

            assertThat(fixture.window("AAPL")).hasSize(1);
            assertThat(fixture.deadLetters()).hasSize(1);
        }
    }

    @Test
    void shouldDropTickWhenItWouldOverflowItsBarsVolume() {
        try (TopologyFixture fixture = fixture()) {
            fixture.tick("AAPL", T0 + 100, 10, Double.MAX_VALUE);
            fixture.tick("AAPL", T0 + 200, 11, Double.MAX_VALUE);
            fixture.tick("AAPL", T0 + 3_000, 12, 1);

            assertThat(fixture.counter("records.dropped", "reason", "volume-overflow")).isEqualTo(1);
            assertThat(fixture.window("AAPL")).singleElement().satisfies(bar ->
                    assertThat(bar.tradeCount()).isEqualTo(1));
        }
    }
}

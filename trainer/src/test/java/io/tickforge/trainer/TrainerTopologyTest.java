package io.tickforge.trainer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.trainer.ingest.IngestConfig;
import io.tickforge.trainer.ingest.IngestTopology;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.retrain.RetrainSchedule;
import io.tickforge.trainer.retrain.ScheduleConfig;
import io.tickforge.trainer.retrain.TrainingRequest;
import io.tickforge.trainer.window.WindowStores;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainerTopologyTest {

    @TempDir
    Path stateDir;

    private static Topology build(TrainerConfig config) {
        return TrainerTopology.build(config, new FakeRetrainService(),
                new TrainerMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));
    }

    private static List<String> nodeNames(Topology topology) {
        List<String> names = new ArrayList<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                names.add(node.name());
            }
        }
        return names;
    }

    @ParameterizedTest
    @EnumSource(ScheduleConfig.Scope.class)
    void shouldNameEveryNodeWhenBuiltForTicks(ScheduleConfig.Scope scope) {
        Topology topology = build(TopologyFixture.config(IngestConfig.Input.TICKS, WireFormat.JSON, scope));

        assertThat(nodeNames(topology)).allSatisfy(name -> assertThat(name).doesNotStartWith("KSTREAM-")
                .doesNotStartWith("KTABLE-").doesNotContain("0000"));
        assertThat(topology.describe().toString()).contains(IngestTopology.OPEN_BARS_STORE,
                IngestTopology.STREAM_TIME_STORE, WindowStores.BARS, WindowStores.HEADS, RetrainSchedule.STORE);
    }

    @ParameterizedTest
    @EnumSource(ScheduleConfig.Scope.class)
    void shouldNameEveryNodeWhenBuiltForBars(ScheduleConfig.Scope scope) {
        Topology topology = build(TopologyFixture.config(IngestConfig.Input.BARS, WireFormat.AVRO, scope));

        assertThat(nodeNames(topology)).allSatisfy(name -> assertThat(name).doesNotStartWith("KSTREAM-")
                .doesNotStartWith("KTABLE-").doesNotContain("0000"));
        assertThat(topology.describe().toString()).doesNotContain(IngestTopology.OPEN_BARS_STORE)
                .contains(WindowStores.BARS, WindowStores.HEADS, RetrainSchedule.STORE);
    }

    @Test
    void shouldDescribeTheSameTopologyWhenBuiltTwiceFromOneConfig() {
        TrainerConfig config = TopologyFixture.config();

        assertThat(build(config).describe()).isEqualTo(build(config).describe());
    }

    @Test
    void shouldRepartitionBarsToOneTaskWhenScopeIsPooled() {
        String pooled = build(TopologyFixture.config(IngestConfig.Input.TICKS, WireFormat.JSON,
                ScheduleConfig.Scope.POOLED)).describe().toString();
        String perSymbol = build(TopologyFixture.config()).describe().toString();

        assertThat(pooled).contains(RetrainSchedule.POOLED_REPARTITION + "-repartition");
        assertThat(perSymbol).doesNotContain(RetrainSchedule.POOLED_REPARTITION + "-repartition");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void shouldChangelogEveryStoreWhenTicksAreProcessed(StoreKind stores) {
        try (TopologyFixture fixture = new TopologyFixture(TopologyFixture.config(), stateDir, stores)) {
            for (int i = 0; i < 30; i++) {
                fixture.tick("AAPL", TopologyFixture.T0 + 1000L * i, 100 + i, 1);
            }
            fixture.advance(java.time.Duration.ofSeconds(1));

            String app = fixture.trainerConfig().applicationId();
            assertThat(fixture.driver().producedTopicNames()).contains(
                    app + "-" + IngestTopology.OPEN_BARS_STORE + "-changelog",
                    app + "-" + IngestTopology.STREAM_TIME_STORE + "-changelog",
                    app + "-" + WindowStores.BARS + "-changelog",
                    app + "-" + WindowStores.HEADS + "-changelog",
                    app + "-" + RetrainSchedule.STORE + "-changelog");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void shouldRequestFirstTrainingWhenTicksHaveClosedMinBarsBars(StoreKind stores) {
        try (TopologyFixture fixture = new TopologyFixture(TopologyFixture.config(), stateDir, stores)) {
            // one tick a second: bar i closes when a tick reaches (i + 1) s + 2 s grace
            for (int i = 0; i < 26; i++) {
                fixture.tick("AAPL", TopologyFixture.T0 + 1000L * i, 100 + i, 1);
            }
            assertThat(fixture.retrain().started()).isEmpty();

            fixture.tick("AAPL", TopologyFixture.T0 + 26_000, 126, 1);

            assertThat(fixture.retrain().started()).singleElement().satisfies(request -> {
                assertThat(request.modelName()).isEqualTo("timegan-AAPL");
                assertThat(request.trigger()).isEqualTo(TrainingRequest.Trigger.FIRST);
                assertThat(request.bars().get("AAPL")).hasSize(24);
            });
        }
    }

    @Test
    void shouldRequestOnePooledTrainingWhenTicksOfSeveralSymbolsClosedEnoughBars() {
        try (TopologyFixture fixture = new TopologyFixture(TopologyFixture.config(IngestConfig.Input.TICKS,
                WireFormat.JSON, ScheduleConfig.Scope.POOLED), stateDir)) {
            for (int i = 0; i < 14; i++) {
                fixture.tick("AAPL", TopologyFixture.T0 + 1000L * i, 100 + i, 1);
                fixture.tick("MSFT", TopologyFixture.T0 + 1000L * i + 500, 200 + i, 2);
            }
            assertThat(fixture.retrain().started()).isEmpty();

            fixture.tick("AAPL", TopologyFixture.T0 + 14_000, 114, 1);

            assertThat(fixture.retrain().started()).singleElement().satisfies(request -> {
                assertThat(request.modelName()).isEqualTo("timegan-pooled");
                assertThat(request.bars()).containsOnlyKeys("AAPL", "MSFT");
                assertThat(request.bars().get("AAPL")).hasSize(12);
                assertThat(request.bars().get("MSFT")).hasSize(12);
            });
        }
    }
}

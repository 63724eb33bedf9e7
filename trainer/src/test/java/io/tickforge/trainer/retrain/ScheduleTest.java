package io.tickforge.trainer.retrain;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.trainer.TopologyFixture;
import io.tickforge.trainer.ingest.IngestConfig;
import io.tickforge.trainer.publish.ModelHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static io.tickforge.trainer.TopologyFixture.WALL_CLOCK;
import static io.tickforge.trainer.TopologyFixture.bar;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTest {
    private static final String AAPL = "timegan-AAPL";

    @TempDir
    Path stateDir;

    private TopologyFixture fixture(ScheduleConfig.Scope scope) {
        return new TopologyFixture(TopologyFixture.config(IngestConfig.Input.BARS, WireFormat.JSON, scope), stateDir);
    }

    private TopologyFixture perSymbol() {
        return fixture(ScheduleConfig.Scope.PER_SYMBOL);
    }

    private static List<Bar> bars(String symbol, int from, int toExclusive) {
        return IntStream.range(from, toExclusive).mapToObj(i -> bar(symbol, i)).toList();
    }

    private static List<TrainingRequest.Trigger> triggers(TopologyFixture fixture) {
        return fixture.retrain().started().stream().map(TrainingRequest::trigger).toList();
    }

    @Test
    void shouldNotRequestTrainingWhenWindowHoldsFewerThanMinBars() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.bars("AAPL", 0, 23);
            fixture.advance(Duration.ofSeconds(2));

            assertThat(fixture.retrain().attempts()).isZero();
        }
    }

    @Test
    void shouldRequestFirstTrainingWhenWindowReachesMinBars() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.bars("AAPL", 0, 24);

            assertThat(fixture.retrain().started()).singleElement().satisfies(request -> {
                assertThat(request.modelName()).isEqualTo(AAPL);
                assertThat(request.trigger()).isEqualTo(TrainingRequest.Trigger.FIRST);
                assertThat(request.bars()).containsOnlyKeys("AAPL");
                assertThat(request.bars().get("AAPL")).containsExactlyElementsOf(bars("AAPL", 0, 24));
                assertThat(request.requestedAt()).isEqualTo(WALL_CLOCK.toEpochMilli());
            });
        }
    }

    @Test
    void shouldRequestFirstTrainingOnlyOnceWhenMoreBarsArrive() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.bars("AAPL", 0, 33);
            fixture.advance(Duration.ofSeconds(2));

            assertThat(triggers(fixture)).containsExactly(TrainingRequest.Trigger.FIRST);
        }
    }

    @Test
    void shouldKeepTheSnapshotWhenTheWindowMovesOn() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.bars("AAPL", 0, 24);
            fixture.bars("AAPL", 24, 9);

            assertThat(fixture.retrain().started().get(0).bars().get("AAPL"))
                    .containsExactlyElementsOf(bars("AAPL", 0, 24));
        }
    }

    @Test
    void shouldRequestRetrainWhenRetrainEveryBarsBarsArrivedSinceTheLastStart() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.bars("AAPL", 0, 34);

            assertThat(triggers(fixture)).containsExactly(TrainingRequest.Trigger.FIRST,
                    TrainingRequest.Trigger.BARS);
            assertThat(fixture.retrain().started().get(1).bars().get("AAPL"))
                    .containsExactlyElementsOf(bars("AAPL", 4, 34));
        }
    }

    @Test
    void shouldRequestRetrainWhenTheIntervalPassedSinceTheLastStart() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.bars("AAPL", 0, 25);
            fixture.advance(Duration.ofSeconds(59));
            assertThat(triggers(fixture)).containsExactly(TrainingRequest.Trigger.FIRST);

            fixture.advance(Duration.ofSeconds(1));

            assertThat(triggers(fixture)).containsExactly(TrainingRequest.Trigger.FIRST,
                    TrainingRequest.Trigger.INTERVAL);
            assertThat(fixture.retrain().started().get(1).requestedAt())
                    .isEqualTo(WALL_CLOCK.toEpochMilli() + 60_000);
        }
    }

    @Test
    void shouldNotRequestIntervalRetrainWhenNoBarArrivedSinceTheLastStart() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.bars("AAPL", 0, 24);
            fixture.advance(Duration.ofSeconds(120));

            assertThat(triggers(fixture)).containsExactly(TrainingRequest.Trigger.FIRST);
        }
    }

    @Test
    void shouldMeasureTheIntervalFromTheLastStartWhenBarsTriggeredIt() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.bars("AAPL", 0, 24);
            fixture.advance(Duration.ofSeconds(30));
            fixture.bars("AAPL", 24, 10);
            fixture.bars("AAPL", 34, 1);
            fixture.advance(Duration.ofSeconds(31));
            assertThat(triggers(fixture)).containsExactly(TrainingRequest.Trigger.FIRST,
                    TrainingRequest.Trigger.BARS);

            fixture.advance(Duration.ofSeconds(29));

            assertThat(triggers(fixture)).containsExactly(TrainingRequest.Trigger.FIRST,
                    TrainingRequest.Trigger.BARS, TrainingRequest.Trigger.INTERVAL);
        }
    }

    @Test
    void shouldRetryAtTheNextCheckWhenSubmitWasRefused() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.retrain().refuse(true);
            fixture.bars("AAPL", 0, 24);
            assertThat(fixture.retrain().attempts()).isEqualTo(1);
            assertThat(fixture.retrain().started()).isEmpty();

            fixture.retrain().refuse(false);
            fixture.advance(Duration.ofSeconds(1));

            assertThat(fixture.retrain().started()).singleElement().satisfies(request ->
                    assertThat(request.trigger()).isEqualTo(TrainingRequest.Trigger.FIRST));
        }
    }

    @Test
    void shouldNotRetryOnEveryBarWhenSubmitWasRefused() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.retrain().refuse(true);
            fixture.bars("AAPL", 0, 30);

            assertThat(fixture.retrain().attempts()).isEqualTo(1);
        }
    }

    @Test
    void shouldWaitWithoutSubmittingWhileTheModelIsRunning() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.bars("AAPL", 0, 24);
            fixture.retrain().running(AAPL, true);
            fixture.bars("AAPL", 24, 12);
            fixture.advance(Duration.ofSeconds(2));
            assertThat(fixture.retrain().attempts()).isEqualTo(1);

            fixture.retrain().running(AAPL, false);
            fixture.advance(Duration.ofSeconds(1));

            assertThat(triggers(fixture)).containsExactly(TrainingRequest.Trigger.FIRST,
                    TrainingRequest.Trigger.BARS);
        }
    }

    @Test
    void shouldKeepRunningAndRetryWhenTheRetrainServiceThrows() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.retrain().fail(new IllegalStateException("pool broken"));
            fixture.bars("AAPL", 0, 24);
            fixture.advance(Duration.ofSeconds(1));
            assertThat(fixture.retrain().started()).isEmpty();

            fixture.retrain().fail(null);
            fixture.advance(Duration.ofSeconds(1));

            assertThat(triggers(fixture)).containsExactly(TrainingRequest.Trigger.FIRST);
        }
    }

    @Test
    void shouldKeepASchedulePerSymbolWhenScopeIsPerSymbol() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.bars("AAPL", 0, 24);
            fixture.bars("MSFT", 0, 23);
            assertThat(fixture.retrain().started()).extracting(TrainingRequest::modelName).containsExactly(AAPL);

            fixture.bars("MSFT", 23, 1);

            assertThat(fixture.retrain().started()).extracting(TrainingRequest::modelName)
                    .containsExactly(AAPL, "timegan-MSFT");
            assertThat(fixture.retrain().started().get(1).bars()).containsOnlyKeys("MSFT");
        }
    }

    @Test
    void shouldTrainOneModelOnEverySymbolWhenScopeIsPooled() {
        try (TopologyFixture fixture = fixture(ScheduleConfig.Scope.POOLED)) {
            fixture.bars("AAPL", 0, 12);
            fixture.bars("MSFT", 0, 11);
            assertThat(fixture.retrain().attempts()).isZero();

            fixture.bars("MSFT", 11, 1);

            assertThat(fixture.retrain().started()).singleElement().satisfies(request -> {
                assertThat(request.modelName()).isEqualTo("timegan-pooled");
                assertThat(request.trigger()).isEqualTo(TrainingRequest.Trigger.FIRST);
                assertThat(request.bars().get("AAPL")).containsExactlyElementsOf(bars("AAPL", 0, 12));
                assertThat(request.bars().get("MSFT")).containsExactlyElementsOf(bars("MSFT", 0, 12));
            });
        }
    }

    @Test
    void shouldNotCountSymbolsTooShortForATrainingWindowWhenScopeIsPooled() {
        try (TopologyFixture fixture = fixture(ScheduleConfig.Scope.POOLED)) {
            fixture.bars("MSFT", 0, 2);
            fixture.bars("AAPL", 0, 23);
            fixture.advance(Duration.ofSeconds(1));
            assertThat(fixture.retrain().attempts()).isZero();

            fixture.bars("AAPL", 23, 1);

            assertThat(fixture.retrain().started()).singleElement().satisfies(request ->
                    assertThat(request.bars()).containsOnlyKeys("AAPL"));
        }
    }

    @Test
    void shouldRetrainThePooledModelOnBarsOfAnySymbolWhenScopeIsPooled() {
        try (TopologyFixture fixture = fixture(ScheduleConfig.Scope.POOLED)) {
            fixture.bars("AAPL", 0, 24);
            fixture.bars("MSFT", 0, 5);
            fixture.bars("AAPL", 24, 5);

            assertThat(triggers(fixture)).containsExactly(TrainingRequest.Trigger.FIRST,
                    TrainingRequest.Trigger.BARS);
            assertThat(fixture.retrain().started().get(1).bars()).containsOnlyKeys("AAPL", "MSFT");
        }
    }

    @Test
    void shouldPublishAnAcceptedModelWithAllHeadersWhenDrained() {
        ModelMetadata metadata = TopologyFixture.metadata(AAPL, 3);
        byte[] checkpoint = {1, 2, 3, 4};
        try (TopologyFixture fixture = perSymbol()) {
            fixture.retrain().finish(new TrainingOutcome.Accepted(AAPL, 1_234, checkpoint, metadata, true));

            fixture.advance(Duration.ofSeconds(1));

            List<TestRecord<String, byte[]>> models = fixture.models();
            assertThat(models).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo(AAPL);
                assertThat(record.value()).isEqualTo(checkpoint);
                assertThat(record.timestamp()).isEqualTo(WALL_CLOCK.toEpochMilli() + 1_000);
                assertThat(ModelHeaders.read(record.headers())).isEqualTo(new ModelHeaders.Summary(3,
                        metadata.createdAt(), metadata.scores(), metadata.dataWindow(),
                        ModelMetadata.CURRENT_FORMAT_VERSION, "log-returns"));
            });
            assertThat(fixture.gauge("model.version", "model", AAPL)).isEqualTo(3);
            assertThat(fixture.gauge("model.score", "model", AAPL, "metric", "discriminative")).isEqualTo(0.12);
        }
    }

    @Test
    void shouldPublishEveryAcceptedModelInOrderWhenSeveralFinished() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.retrain().finish(new TrainingOutcome.Accepted(AAPL, 1, new byte[] {1},
                    TopologyFixture.metadata(AAPL, 1), false));
            fixture.retrain().finish(new TrainingOutcome.Accepted("timegan-MSFT", 1, new byte[] {2},
                    TopologyFixture.metadata("timegan-MSFT", 1), false));
            fixture.retrain().finish(new TrainingOutcome.Accepted(AAPL, 1, new byte[] {3},
                    TopologyFixture.metadata(AAPL, 2), true));

            fixture.advance(Duration.ofSeconds(1));

            assertThat(fixture.models()).extracting(TestRecord::key)
                    .containsExactly(AAPL, "timegan-MSFT", AAPL);
            assertThat(fixture.gauge("model.version", "model", AAPL)).isEqualTo(2);
        }
    }

    @Test
    void shouldNotPublishWhenTheTrainingWasRejectedOrFailed() {
        try (TopologyFixture fixture = perSymbol()) {
            fixture.retrain().finish(new TrainingOutcome.Rejected(AAPL, 10, ModelMetadata.Scores.of(0.4, 0.2),
                    ModelMetadata.Scores.of(0.1, 0.05)));
            fixture.retrain().finish(new TrainingOutcome.Failed(AAPL, 10, TrainingOutcome.Reason.DIVERGED,
                    "generator loss NaN at iteration 7"));

            fixture.advance(Duration.ofSeconds(1));

            assertThat(fixture.retrain().drains()).isPositive();
            assertThat(fixture.models()).isEmpty();
            assertThat(fixture.gauge("model.version", "model", AAPL)).isNaN();
        }
    }

    @Test
    void shouldDrainEveryCheckIntervalWhenTheWallClockAdvances() {
        try (TopologyFixture fixture = perSymbol()) {
            int before = fixture.retrain().drains();

            for (int i = 0; i < 3; i++) {
                fixture.advance(Duration.ofSeconds(1));
            }

            assertThat(fixture.retrain().drains() - before).isEqualTo(3);
        }
    }
}

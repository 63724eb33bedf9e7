package io.tickforge.trainer;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.trainer.ingest.IngestConfig;
import io.tickforge.trainer.ingest.IngestTopology;
import io.tickforge.trainer.ingest.internal.OpenBarSerde;
import io.tickforge.trainer.retrain.RetrainSchedule;
import io.tickforge.trainer.retrain.ScheduleConfig;
import io.tickforge.trainer.retrain.TrainingRequest;
import io.tickforge.trainer.retrain.internal.ScheduleStateSerde;
import io.tickforge.trainer.window.WindowStores;
import io.tickforge.trainer.window.internal.WindowHeadSerde;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

import static io.tickforge.trainer.TopologyFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart as Kafka Streams performs it: a second driver's stores are filled from nothing but the first driver's
 * changelog topics, then processing goes on. What the trainer did not put in a changelogged store is lost here, as
 * it would be on a real restart or rebalance.
 */
class RestoreTest {
    private static final Map<String, Deserializer<?>> STORES = Map.of(
            IngestTopology.OPEN_BARS_STORE, new OpenBarSerde(),
            IngestTopology.STREAM_TIME_STORE, new LongDeserializer(),
            WindowStores.BARS, IngestTopology.barSerde().deserializer(),
            WindowStores.HEADS, new WindowHeadSerde(),
            RetrainSchedule.STORE, new ScheduleStateSerde());

    @TempDir
    Path before;
    @TempDir
    Path after;

    /** Replays every changelog of {@code from} into the stores of {@code to}. */
    private static void restore(TopologyFixture from, TopologyFixture to) {
        String app = from.trainerConfig().applicationId();
        for (Map.Entry<String, Deserializer<?>> store : STORES.entrySet()) {
            String topic = app + "-" + store.getKey() + "-changelog";
            if (!from.driver().producedTopicNames().contains(topic)) {
                continue;
            }
            TestOutputTopic<String, byte[]> log = from.driver().createOutputTopic(topic, new StringDeserializer(),
                    new ByteArrayDeserializer());
            KeyValueStore<String, Object> target = to.driver().getKeyValueStore(store.getKey());
            for (TestRecord<String, byte[]> record : log.readRecordsToList()) {
                if (record.value() == null) {
                    target.delete(record.key());
                } else {
                    target.put(record.key(), store.getValue().deserialize(topic, record.value()));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void shouldContinueOpenBarsAndStreamTimeWhenRestoredFromChangelogs(StoreKind stores) {
        TrainerConfig config = TopologyFixture.config();
        try (TopologyFixture first = new TopologyFixture(config, before, stores);
             TopologyFixture second = new TopologyFixture(config, after, stores)) {
            first.tick("AAPL", T0 + 100, 10, 1);
            first.tick("AAPL", T0 + 1_100, 11, 1);
            first.tick("AAPL", T0 + 4_500, 12, 1);
            first.tick("AAPL", T0 + 4_800, 13, 2);
            restore(first, second);

            second.tick("AAPL", T0 + 1_500, 50, 1);
            second.tick("AAPL", T0 + 4_200, 9, 1);
            second.tick("AAPL", T0 + 7_000, 14, 1);

            assertThat(second.counter("ticks.late")).isEqualTo(1);
            assertThat(second.window("AAPL")).containsExactly(
                    new Bar("AAPL", T0, 1000, 10, 10, 10, 10, 1, 1),
                    new Bar("AAPL", T0 + 1_000, 1000, 11, 11, 11, 11, 1, 1),
                    new Bar("AAPL", T0 + 4_000, 1000, 9, 13, 9, 13, 4, 3));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void shouldKeepTheScheduleWhenRestoredFromChangelogs(StoreKind stores) {
        TrainerConfig config = TopologyFixture.config(IngestConfig.Input.BARS, WireFormat.JSON,
                ScheduleConfig.Scope.PER_SYMBOL);
        try (TopologyFixture first = new TopologyFixture(config, before, stores);
             TopologyFixture second = new TopologyFixture(config, after, stores)) {
            first.bars("AAPL", 0, 29);
            assertThat(first.retrain().started()).extracting(TrainingRequest::trigger)
                    .containsExactly(TrainingRequest.Trigger.FIRST);
            restore(first, second);

            second.bars("AAPL", 29, 4);
            assertThat(second.retrain().attempts()).isZero();
            second.bars("AAPL", 33, 1);

            assertThat(second.retrain().started()).singleElement().satisfies(request -> {
                assertThat(request.trigger()).isEqualTo(TrainingRequest.Trigger.BARS);
                assertThat(request.bars().get("AAPL")).containsExactlyElementsOf(
                        IntStream.range(4, 34).mapToObj(i -> TopologyFixture.bar("AAPL", i)).toList());
            });
        }
    }
}

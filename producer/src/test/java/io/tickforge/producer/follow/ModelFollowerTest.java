package io.tickforge.producer.follow;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.producer.synth.SynthConfig;
import io.tickforge.producer.testing.FakeTime;
import io.tickforge.producer.testing.ModelTopic;
import io.tickforge.producer.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ModelFollowerTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProducerMetrics metrics = new ProducerMetrics(registry, time);
    private final ModelBoard board = new ModelBoard();
    private final ModelTopic topic = new ModelTopic();
    private ModelsConfig config = ModelsConfig.defaults();

    private ModelFollower follower() {
        return new ModelFollower(topic.consumer(), ModelTopic.TOPIC, config, new ModelLoader(SynthConfig.defaults()),
                board, metrics, time);
    }

    private static void poll(ModelFollower follower, int times) throws InterruptedException {
        for (int i = 0; i < times; i++) {
            follower.pollOnce(Duration.ofMillis(1));
        }
    }

    private double rejected(RejectReason reason) {
        var counter = registry.find(ProducerMetrics.PREFIX + "models.rejected").tag("reason", reason.tag()).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldServeTheLatestCheckpointOfEachModelWhenReadFromTheBeginning() throws Exception {
        topic.publish(TestModels.NAME, TestModels.spec().bytes());
        topic.publish("timegan-SIM-B", TestModels.spec().name("timegan-SIM-B").version(4).bytes());
        topic.publish(TestModels.NAME, TestModels.spec().version(2).bytes());
        ModelFollower follower = follower();

        poll(follower, 4);

        assertThat(board.versions()).containsExactly(entry("timegan-SIM-B", 4L), entry(TestModels.NAME, 2L));
        assertThat(follower.accepted()).isEqualTo(3);
        assertThat(registry.get(ProducerMetrics.PREFIX + "model.version").tag("model", TestModels.NAME).gauge()
                .value()).isEqualTo(2);
    }

    @Test
    void shouldRejectCountAndKeepServingTheOldModelWhenACorruptCheckpointArrives() throws Exception {
        topic.publish(TestModels.NAME, TestModels.spec().bytes());
        byte[] corrupt = TestModels.spec().version(2).bytes();
        corrupt[corrupt.length / 2] ^= 1;
        topic.publish(TestModels.NAME, corrupt);
        ModelFollower follower = follower();

        poll(follower, 3);

        assertThat(board.versions()).containsExactly(entry(TestModels.NAME, 1L));
        assertThat(rejected(RejectReason.CORRUPT)).isEqualTo(1);
        assertThat(follower.rejected()).isEqualTo(1);
    }

    @Test
    void shouldRejectAndKeepTheNewerModelWhenAnOlderVersionArrives() throws Exception {
        topic.publish(TestModels.NAME, TestModels.spec().version(5).bytes());
        topic.publish(TestModels.NAME, TestModels.spec().version(3).bytes());
        topic.publish(TestModels.NAME, TestModels.spec().version(5).bytes());
        ModelFollower follower = follower();

        poll(follower, 4);

        assertThat(board.versions()).containsExactly(entry(TestModels.NAME, 5L));
        assertThat(rejected(RejectReason.STALE)).isEqualTo(2);
    }

    @Test
    void shouldRejectAndKeepServingWhenTheFeatureTransformIsUnknown() throws Exception {
        topic.publish(TestModels.NAME, TestModels.spec().bytes());
        topic.publish(TestModels.NAME, TestModels.spec().version(2).transform("wavelets").bytes());
        ModelFollower follower = follower();

        poll(follower, 3);

        assertThat(board.versions()).containsExactly(entry(TestModels.NAME, 1L));
        assertThat(rejected(RejectReason.UNKNOWN_TRANSFORM)).isEqualTo(1);
    }

    @Test
    void shouldRejectARecordWhenItHasNoKey() throws Exception {
        topic.publish(null, TestModels.spec().bytes());
        ModelFollower follower = follower();

        poll(follower, 2);

        assertThat(board.versions()).isEmpty();
        assertThat(rejected(RejectReason.NO_KEY)).isEqualTo(1);
    }

    @Test
    void shouldServeOnlyTheConfiguredNamesWhenNamesAreGiven() throws Exception {
        config = config.withNames(Set.of("timegan-SIM-B"));
        topic.publish(TestModels.NAME, TestModels.spec().bytes());
        topic.publish("timegan-SIM-B", TestModels.spec().name("timegan-SIM-B").bytes());
        ModelFollower follower = follower();

        poll(follower, 3);

        assertThat(board.versions()).containsOnlyKeys("timegan-SIM-B");
        assertThat(follower.rejected()).isZero();
    }

    @Test
    void shouldStopServingAModelWhenItsRecordIsDeleted() throws Exception {
        topic.publish(TestModels.NAME, TestModels.spec().bytes());
        topic.publish(TestModels.NAME, null);
        ModelFollower follower = follower();

        poll(follower, 3);

        assertThat(board.versions()).isEmpty();
        assertThat(registry.find(ProducerMetrics.PREFIX + "model.version").gauges()).isEmpty();
    }

    @Test
    void shouldReportCaughtUpOnlyWhenTheTopicHasBeenReadToItsEnd() throws Exception {
        topic.publish(TestModels.NAME, TestModels.spec().bytes());
        topic.publish(TestModels.NAME, TestModels.spec().version(2).bytes());
        ModelFollower follower = follower();

        follower.pollOnce(Duration.ofMillis(1));
        assertThat(follower.caughtUp()).isFalse();
        poll(follower, 2);

        assertThat(follower.caughtUp()).isTrue();
    }

    @Test
    void shouldFollowNewCheckpointsWhenTheyArriveAfterCatchingUp() throws Exception {
        ModelFollower follower = follower();
        poll(follower, 1);
        assertThat(follower.caughtUp()).isTrue();

        topic.publish(TestModels.NAME, TestModels.spec().version(9).bytes());
        poll(follower, 1);

        assertThat(board.versions()).containsExactly(entry(TestModels.NAME, 9L));
    }

    @Test
    void shouldPickUpTheTopicWhenItIsCreatedLater() throws Exception {
        ModelTopic later = new ModelTopic(false);
        ModelFollower follower = new ModelFollower(later.consumer(), ModelTopic.TOPIC, config,
                new ModelLoader(SynthConfig.defaults()), board, metrics, time);
        poll(follower, 1);
        assertThat(follower.caughtUp()).as("nothing to catch up on").isTrue();

        later.create();
        later.publish(TestModels.NAME, TestModels.spec().bytes());
        poll(follower, 2);

        assertThat(board.versions()).containsExactly(entry(TestModels.NAME, 1L));
    }
}

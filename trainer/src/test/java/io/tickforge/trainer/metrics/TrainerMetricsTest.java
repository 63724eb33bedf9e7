package io.tickforge.trainer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.trainer.ingest.DeadLetterReason;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's zero-valued series: alert rules use {@code increase()} on them, which cannot see a series' first
 * increment when the series only appears with it.
 */
class TrainerMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TrainerMetrics metrics = new TrainerMetrics(registry, Clock.systemUTC());

    private List<String> tagValues(String name, String tag) {
        return registry.find(TrainerMetrics.PREFIX + name).meters().stream()
                .map(m -> m.getId().getTag(tag)).sorted().toList();
    }

    @Test
    void shouldExposeEveryDeadLetterReasonAtZeroWhenCreated() {
        assertThat(tagValues("dlq.records", "reason"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(DeadLetterReason.values())
                        .map(DeadLetterReason::tag).toList());
        assertThat(registry.find(TrainerMetrics.PREFIX + "dlq.records").counters())
                .allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void shouldCountADeadLetterOnTheEagerSeriesWhenARecordIsDeadLettered() {
        metrics.deadLettered(DeadLetterReason.MALFORMED.tag());

        assertThat(registry.get(TrainerMetrics.PREFIX + "dlq.records").tag("reason", "malformed").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.find(TrainerMetrics.PREFIX + "dlq.records").counters())
                .hasSize(DeadLetterReason.values().length);
    }

    @Test
    void shouldExposeEveryDropReasonAndTheUntaggedFailureCountersAtZeroWhenCreated() {
        assertThat(tagValues("records.dropped", "reason"))
                .containsExactly(TrainerMetrics.DROPPED_OUT_OF_ORDER, TrainerMetrics.DROPPED_VOLUME_OVERFLOW);
        for (String name : List.of("models.recovery.failures", "stream.threads.replaced", "model.file.failures")) {
            assertThat(registry.get(TrainerMetrics.PREFIX + name).counter().count()).as(name).isZero();
        }
    }

    @Test
    void shouldRegisterEveryOutcomeAndFailureReasonOfAModelWhenItsFirstTrainingStarts() {
        assertThat(registry.find(TrainerMetrics.PREFIX + "retrain.duration").timers()).isEmpty();

        metrics.trainingStarted("timegan-A");

        assertThat(tagValues("retrain.duration", "outcome")).containsExactly("accepted", "failed", "rejected");
        assertThat(tagValues("retrain.failures", "reason")).containsExactly("data", "deadline", "diverged", "error");
        assertThat(registry.find(TrainerMetrics.PREFIX + "retrain.duration").timers())
                .allSatisfy(t -> assertThat(t.count()).isZero());
        assertThat(registry.find(TrainerMetrics.PREFIX + "retrain.failures").counters())
                .allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void shouldRecordOnTheEagerSeriesWhenATrainingFails() {
        metrics.trainingStarted("timegan-A");
        metrics.trainingFailed("timegan-A", "deadline");
        metrics.trainingEnded("timegan-A", TrainerMetrics.Outcome.FAILED, Duration.ofSeconds(3));

        Timer failed = registry.get(TrainerMetrics.PREFIX + "retrain.duration").tag("model", "timegan-A")
                .tag("outcome", "failed").timer();
        Counter deadline = registry.get(TrainerMetrics.PREFIX + "retrain.failures").tag("model", "timegan-A")
                .tag("reason", "deadline").counter();
        assertThat(failed.count()).isEqualTo(1);
        assertThat(deadline.count()).isEqualTo(1.0);
        assertThat(registry.get(TrainerMetrics.PREFIX + "retrain.running").gauge().value()).isZero();
    }
}

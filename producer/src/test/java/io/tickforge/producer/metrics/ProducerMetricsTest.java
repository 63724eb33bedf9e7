package io.tickforge.producer.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.producer.testing.FakeTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerMetricsTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProducerMetrics metrics = new ProducerMetrics(registry, time);

    @Test
    void shouldNameEveryMeterUnderThePrefixWithADescriptionWhenRegistered() {
        metrics.modelServed("timegan-A", 3, time.millis());
        metrics.modelRejected("corrupt");
        metrics.handedOver(time.millis());
        metrics.sendFailed("TimeoutException");

        // percentile gauges derived by the registry (a synthetic association) carry no description of their own
        assertThat(registry.getMeters()).filteredOn(m -> m.getId().syntheticAssociation() == null)
                .hasSize(13).allSatisfy(m -> {
            assertThat(m.getId().getName()).startsWith(ProducerMetrics.PREFIX);
            assertThat(m.getId().getDescription()).isNotBlank();
        });
        assertThat(registry.getMeters()).extracting(m -> m.getId().getName().substring(ProducerMetrics.PREFIX.length()))
                .contains("records.sent", "bytes.sent", "send.errors", "send.latency", "publish.delay",
                        "rate.target", "rate.actual", "generation.time", "model.version", "model.age",
                        "models.rejected", "records.inflight", "event.lag");
    }

    @Test
    void shouldCountSendErrorsByErrorClassWhenSendsFail() {
        metrics.handedOver(0);
        metrics.handedOver(0);
        metrics.handedOver(0);
        metrics.sendFailed("TimeoutException");
        metrics.sendFailed("TimeoutException");
        metrics.sendFailed("RecordTooLargeException");

        assertThat(registry.get(ProducerMetrics.PREFIX + "send.errors").tag("error", "TimeoutException").counter()
                .count()).isEqualTo(2);
        assertThat(registry.get(ProducerMetrics.PREFIX + "send.errors").tag("error", "RecordTooLargeException")
                .counter().count()).isEqualTo(1);
        assertThat(metrics.sendErrors()).isEqualTo(3);
        assertThat(metrics.inFlight()).isZero();
    }

    @Test
    void shouldCountRecordsAndBytesWhenAcknowledged() {
        metrics.handedOver(0);
        metrics.handedOver(0);
        metrics.acknowledged(100);

        assertThat(registry.get(ProducerMetrics.PREFIX + "records.sent").counter().count()).isEqualTo(1);
        assertThat(registry.get(ProducerMetrics.PREFIX + "bytes.sent").counter().count()).isEqualTo(100);
        assertThat(registry.get(ProducerMetrics.PREFIX + "records.inflight").gauge().value()).isEqualTo(1);
    }

    @Test
    void shouldRecordASendLatencyWhenTimed() {
        metrics.sendLatency(TimeUnit.MILLISECONDS.toNanos(4));

        assertThat(registry.get(ProducerMetrics.PREFIX + "send.latency").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(4);
    }

    @Test
    void shouldReportVersionAndAgePerModelWhenAModelIsServed() {
        metrics.modelServed("timegan-A", 7, time.millis());
        time.advance(TimeUnit.SECONDS.toNanos(90));

        assertThat(registry.get(ProducerMetrics.PREFIX + "model.version").tag("model", "timegan-A").gauge().value())
                .isEqualTo(7);
        assertThat(registry.get(ProducerMetrics.PREFIX + "model.age").tag("model", "timegan-A").gauge().value())
                .isEqualTo(90);
    }

    @Test
    void shouldRemoveTheModelGaugesWhenAModelIsRemoved() {
        metrics.modelServed("timegan-A", 7, time.millis());

        metrics.modelRemoved("timegan-A");

        assertThat(registry.getMeters()).extracting(Meter::getId)
                .noneMatch(id -> "timegan-A".equals(id.getTag("model")));
    }

    @Test
    void shouldAverageTheActualRateOverTheLastWholeSecondsWhenRecordsAreHandedOver() {
        for (int s = 0; s < 6; s++) {
            for (int i = 0; i < 100 * (s + 1); i++) {
                metrics.handedOver(0);
            }
            time.advance(TimeUnit.SECONDS.toNanos(1));
        }

        // seconds 1..5 carried 200, 300, 400, 500, 600
        assertThat(metrics.actualRate()).isEqualTo(400);
    }

    @Test
    void shouldReportTheTargetRateWhenSet() {
        metrics.targetRate(2500.5);

        assertThat(registry.get(ProducerMetrics.PREFIX + "rate.target").gauge().value()).isEqualTo(2500.5);
    }

    @Test
    void shouldReportTheEventLagAgainstTheWallClockWhenRecordsAreHandedOver() {
        metrics.handedOver(time.millis() - 1500);

        assertThat(registry.get(ProducerMetrics.PREFIX + "event.lag").gauge().value()).isEqualTo(1.5);
    }
}

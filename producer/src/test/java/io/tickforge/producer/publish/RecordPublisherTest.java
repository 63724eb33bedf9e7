package io.tickforge.producer.publish;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.producer.synth.SyntheticRecord;
import io.tickforge.producer.testing.FakeTime;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RecordPublisherTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProducerMetrics metrics = new ProducerMetrics(registry, time);
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());

    private RecordPublisher publisher(int maxInFlight) {
        return new RecordPublisher(producer, "synthetic.ticks", maxInFlight, metrics, time);
    }

    private static SyntheticRecord record(long seq) {
        return new SyntheticRecord("SYN-A-0001", ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8),
                1_767_225_600_000L + seq, 1_767_225_600_000L + seq,
                List.of(new RecordHeader("tickforge.stream.seq", Long.toString(seq).getBytes(StandardCharsets.UTF_8))),
                "timegan-A", 1, seq);
    }

    private double errors(String error) {
        return registry.get(ProducerMetrics.PREFIX + "send.errors").tag("error", error).counter().count();
    }

    @Test
    void shouldSendKeyValueTimestampAndHeadersToTheTopicWhenHandedARecord() throws Exception {
        publisher(10).send(record(4), time.nanoTime(), () -> true);

        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("synthetic.ticks");
            assertThat(r.key()).isEqualTo("SYN-A-0001");
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"seq\":4}");
            assertThat(r.timestamp()).isEqualTo(1_767_225_600_004L);
            assertThat(new String(r.headers().lastHeader("tickforge.stream.seq").value(), StandardCharsets.UTF_8))
                    .isEqualTo("4");
        });
    }

    @Test
    void shouldCountFailedSendsByErrorClassWhenTheBrokerRejectsThem() throws Exception {
        RecordPublisher publisher = publisher(10);
        for (int i = 0; i < 4; i++) {
            publisher.send(record(i), time.nanoTime(), () -> true);
        }

        producer.completeNext();
        producer.errorNext(new TimeoutException("broker gone"));
        producer.errorNext(new TimeoutException("broker gone"));
        producer.errorNext(new RecordTooLargeException("too big"));

        assertThat(publisher.acknowledged()).isEqualTo(1);
        assertThat(publisher.failed()).isEqualTo(3);
        assertThat(publisher.failuresByError()).containsExactly(entry("RecordTooLargeException", 1L),
                entry("TimeoutException", 2L));
        assertThat(errors("TimeoutException")).isEqualTo(2);
        assertThat(errors("RecordTooLargeException")).isEqualTo(1);
        assertThat(publisher.inFlight()).isZero();
    }

    @Test
    void shouldCountASendThatThrowsWhenTheProducerRefusesTheRecord() throws Exception {
        producer.sendException = new SerializationException("cannot serialize");
        RecordPublisher publisher = publisher(10);

        assertThat(publisher.send(record(0), time.nanoTime(), () -> true)).isTrue();

        assertThat(publisher.failed()).isEqualTo(1);
        assertThat(errors("SerializationException")).isEqualTo(1);
        assertThat(publisher.inFlight()).as("the permit is given back").isZero();
    }

    @Test
    void shouldBlockGenerationWhenMaxInFlightRecordsAreUnanswered() throws Exception {
        RecordPublisher publisher = publisher(3);
        for (int i = 0; i < 3; i++) {
            publisher.send(record(i), time.nanoTime(), () -> true);
        }

        CompletableFuture<Boolean> fourth = CompletableFuture.supplyAsync(() -> {
            try {
                return publisher.send(record(3), time.nanoTime(), () -> true);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(fourth).isNotDone();
        assertThat(producer.history()).hasSize(3);
        assertThat(publisher.inFlight()).isEqualTo(3);

        producer.completeNext();

        assertThat(fourth.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(producer.history()).hasSize(4);
    }

    @Test
    void shouldGiveUpWaitingForRoomWhenStopped() throws Exception {
        RecordPublisher publisher = publisher(1);
        publisher.send(record(0), time.nanoTime(), () -> true);

        assertThat(publisher.send(record(1), time.nanoTime(), () -> false)).isFalse();

        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldFlushEveryRecordAndCloseTheProducerWhenClosed() throws Exception {
        RecordPublisher publisher = publisher(10);
        publisher.send(record(0), time.nanoTime(), () -> true);
        publisher.send(record(1), time.nanoTime(), () -> true);

        publisher.close(Duration.ofSeconds(1));

        assertThat(publisher.acknowledged()).isEqualTo(2);
        assertThat(producer.flushed()).isTrue();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void shouldMeasureThePublishDelayFromTheIntendedTimeWhenLate() throws Exception {
        long due = time.nanoTime();
        time.advance(TimeUnit.MILLISECONDS.toNanos(7));

        publisher(10).send(record(0), due, () -> true);

        assertThat(registry.get(ProducerMetrics.PREFIX + "publish.delay").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(7);
    }

    @Test
    void shouldRecordNoPublishDelayWhenTheRecordIsUnscheduled() throws Exception {
        publisher(10).send(record(0), RecordPublisher.UNSCHEDULED, () -> true);

        assertThat(producer.history()).hasSize(1);
        assertThat(registry.get(ProducerMetrics.PREFIX + "publish.delay").timer().count()).isZero();
    }

    @Test
    void shouldReportHandedOverRecordsToTheSharedMetersInBatchesWhenSendingFast() throws Exception {
        RecordPublisher publisher = publisher(10_000);
        publisher.send(record(0), time.nanoTime(), () -> true);
        for (int i = 1; i < RecordPublisher.METER_BATCH + 10; i++) {
            publisher.send(record(i), time.nanoTime(), () -> true);
        }

        assertThat(metrics.inFlight()).as("the first record, then one full batch").isEqualTo(1 + 256);
        time.advance(TimeUnit.MILLISECONDS.toNanos(5));
        publisher.send(record(999), time.nanoTime(), () -> true);
        assertThat(metrics.inFlight()).as("5 ms later, all").isEqualTo(RecordPublisher.METER_BATCH + 11);
        assertThat(publisher.inFlight()).isEqualTo(RecordPublisher.METER_BATCH + 11);
    }

    @Test
    void shouldRecordSendLatencyAndBytesWhenAcknowledged() throws Exception {
        RecordPublisher publisher = publisher(10);
        publisher.send(record(0), time.nanoTime(), () -> true);
        time.advance(TimeUnit.MILLISECONDS.toNanos(3));

        producer.completeNext();

        assertThat(registry.get(ProducerMetrics.PREFIX + "send.latency").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(3);
        assertThat(registry.get(ProducerMetrics.PREFIX + "bytes.sent").counter().count())
                .isEqualTo("SYN-A-0001".length() + "{\"seq\":0}".length());
    }

    @Test
    void shouldTimeOneRecordInSixteenButCountEveryOneWhenManyAreAcknowledged() throws Exception {
        RecordPublisher publisher = publisher(100);
        for (int i = 0; i < 2 * RecordPublisher.LATENCY_SAMPLE + 1; i++) {
            publisher.send(record(i), RecordPublisher.UNSCHEDULED, () -> true);
        }
        time.advance(TimeUnit.MILLISECONDS.toNanos(2));

        for (int i = 0; i < 2 * RecordPublisher.LATENCY_SAMPLE + 1; i++) {
            producer.completeNext();
        }

        assertThat(registry.get(ProducerMetrics.PREFIX + "records.sent").counter().count()).isEqualTo(2 * RecordPublisher.LATENCY_SAMPLE + 1);
        assertThat(registry.get(ProducerMetrics.PREFIX + "send.latency").timer().count())
                .as("records 0, 16 and 32").isEqualTo(3);
        assertThat(registry.get(ProducerMetrics.PREFIX + "send.latency").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(6);
    }
}

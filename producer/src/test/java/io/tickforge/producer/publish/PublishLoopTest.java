package io.tickforge.producer.publish;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.producer.follow.ModelBoard;
import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.producer.rate.RatePacer;
import io.tickforge.producer.rate.RateSchedule;
import io.tickforge.producer.synth.OutputMode;
import io.tickforge.producer.synth.Pace;
import io.tickforge.producer.synth.ServedModel;
import io.tickforge.producer.synth.SynthConfig;
import io.tickforge.producer.synth.SyntheticFeed;
import io.tickforge.producer.synth.TimeConfig;
import io.tickforge.producer.testing.CapturingProducer;
import io.tickforge.producer.testing.FakeTime;
import io.tickforge.producer.testing.TestModels;
import io.tickforge.schemas.Bar;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.timegan.nn.Gemm;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

class PublishLoopTest {

    private static final long MS = 1_000_000L;

    private final FakeTime time = new FakeTime(Instant.parse("2026-05-06T07:08:09Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProducerMetrics metrics = new ProducerMetrics(registry, time);
    private final ModelBoard board = new ModelBoard();
    private SynthConfig synth = SynthConfig.defaults().withInstruments(3).withTicksPerBar(5);
    private PublishLoop loop;
    private CapturingProducer producer;

    private void serve(long version) throws Exception {
        board.offer(ServedModel.of(TestModels.spec().version(version).checkpoint(), synth.barInterval()));
    }

    /** Builds a loop that stops itself after {@code records} sends; {@code hook} runs after each send first. */
    private PublishLoop loop(String rate, TimeConfig timeConfig, int records, IntConsumer hook) {
        producer = new CapturingProducer(true, time, n -> {
            hook.accept(n);
            if (n >= records) {
                loop.stop();
            }
        });
        SyntheticFeed feed = new SyntheticFeed(synth, timeConfig, board, time, Gemm::plainJava, metrics);
        RecordPublisher publisher = new RecordPublisher(producer, "synthetic.ticks", 1000, metrics, time);
        loop = new PublishLoop(feed, board, publisher, new RatePacer(RateSchedule.parse(rate), time),
                timeConfig.pace(), time, time, metrics, () -> true);
        return loop;
    }

    private static int[] perSecond(List<Long> nanos, int seconds) {
        int[] counts = new int[seconds];
        long origin = nanos.get(0);
        for (long n : nanos) {
            int s = (int) ((n - origin) / 1_000_000_000L);
            if (s < seconds) {
                counts[s]++;
            }
        }
        return counts;
    }

    @Test
    void shouldSendAtEvenlySpacedIntendedTimesWhenTheRateIsConstant() throws Exception {
        serve(1);
        loop("100", TimeConfig.max(Instant.parse("2026-01-01T00:00:00Z")), 500, n -> { }).run();

        List<Long> sent = producer.sendNanos();
        assertThat(sent).hasSize(500);
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i) - sent.get(i - 1)).as("gap before record %d", i).isEqualTo(10 * MS);
        }
        assertThat(perSecond(sent, 4)).containsOnly(100);
        assertThat(registry.get(ProducerMetrics.PREFIX + "rate.target").gauge().value()).isEqualTo(100);
    }

    @Test
    void shouldEndByItselfAfterExactlyTheLimitWhenGivenARecordLimit() throws Exception {
        serve(1);
        producer = new CapturingProducer(true, time, n -> { });
        TimeConfig timeConfig = TimeConfig.max(Instant.parse("2026-01-01T00:00:00Z"));
        SyntheticFeed feed = new SyntheticFeed(synth, timeConfig, board, time, Gemm::plainJava, metrics);
        RecordPublisher publisher = new RecordPublisher(producer, "synthetic.ticks", 1000, metrics, time);
        PublishLoop limited = new PublishLoop(feed, board, publisher, new RatePacer(RateSchedule.parse("max"), time),
                timeConfig.pace(), time, time, metrics, () -> true, 37);

        limited.run();

        assertThat(producer.history()).hasSize(37);
        assertThat(limited.records()).isEqualTo(37);
        assertThat(limited.completed()).isTrue();
        assertThat(limited.failure()).isNull();
    }

    @Test
    void shouldFollowARampWithoutLumpsWhenTheRateRamps() throws Exception {
        serve(1);
        loop("ramp:10..200/10s", TimeConfig.max(null), 1500, n -> { }).run();

        int[] counts = perSecond(producer.sendNanos(), 10);
        RateSchedule ramp = RateSchedule.parse("ramp:10..200/10s");
        for (int s = 0; s < counts.length; s++) {
            double due = ramp.recordsBy(s + 1) - ramp.recordsBy(s);
            assertThat((double) counts[s]).as("second %d", s).isBetween(due - 1, due + 1);
            assertThat(counts[s]).as("second %d", s).isLessThanOrEqualTo((int) ramp.rateAt(s + 1) + 1);
        }
    }

    @Test
    void shouldNeverSendARecordBeforeItsEventTimeWhenPaceIsRealtime() throws Exception {
        serve(1);
        loop("max", TimeConfig.defaults(), 150, n -> { }).run();

        List<Long> sentAt = producer.sendMillis();
        List<ProducerRecord<String, byte[]>> history = producer.history();
        for (int i = 0; i < history.size(); i++) {
            long ts = history.get(i).timestamp();
            assertThat(sentAt.get(i)).as("record %d", i).isBetween(ts, ts + 1);
        }
        long span = sentAt.get(sentAt.size() - 1) - sentAt.get(0);
        assertThat(span).as("3 instruments x 5 ticks per 1 s bar: about 10 s for 150 ticks")
                .isBetween(8_500L, 10_000L);
    }

    @Test
    void shouldReleaseABarWhenItClosesWhenPaceIsRealtime() throws Exception {
        synth = synth.withOutput(OutputMode.BARS);
        serve(1);
        loop("max", TimeConfig.defaults(), 12, n -> { }).run();

        List<Long> sentAt = producer.sendMillis();
        List<ProducerRecord<String, byte[]>> history = producer.history();
        for (int i = 0; i < history.size(); i++) {
            Bar bar = WireFormat.JSON.bar().decode(history.get(i).value());
            assertThat(sentAt.get(i)).as("bar %d", i).isBetween(bar.end(), bar.end() + 1);
        }
    }

    @Test
    void shouldMeasureAGrowingPublishDelayWhenTheProducerIsSlowerThanTheSchedule() throws Exception {
        serve(1);
        loop("100", TimeConfig.max(null), 200, n -> time.advance(25 * MS)).run();

        assertThat(producer.history()).as("nothing skipped to catch up").hasSize(200);
        double maxDelayMs = registry.get(ProducerMetrics.PREFIX + "publish.delay").timer().max(TimeUnit.MILLISECONDS);
        assertThat(maxDelayMs).as("record 199 is due at 1.99 s and sent at about 4.98 s").isBetween(2900.0, 3100.0);
    }

    @Test
    void shouldPauseTheScheduleWhenNoModelIsServedAndResumeWhereItStopped() throws Exception {
        synth = synth.withOutput(OutputMode.BARS).withInstruments(1);
        serve(1);
        PublishLoop l = loop("10", TimeConfig.max(null), 20, n -> {
            if (n == 10) {
                board.remove(TestModels.NAME);
            }
        });
        Thread runner = new Thread(l);
        runner.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (producer.sendNanos().size() < 10 || !l.waiting()) {
            assertThat(System.nanoTime()).as("paused in time").isLessThan(deadline);
            Thread.sleep(10);
        }
        Thread.sleep(200);
        assertThat(producer.history()).as("nothing sent without a model").hasSize(10);

        time.advance(TimeUnit.SECONDS.toNanos(60));
        serve(2);
        runner.join(TimeUnit.SECONDS.toMillis(30));

        List<Long> sent = producer.sendNanos();
        assertThat(sent).hasSize(20);
        assertThat(sent.get(10) - sent.get(9)).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(60));
        for (int i = 11; i < 20; i++) {
            assertThat(sent.get(i) - sent.get(i - 1)).as("gap before record %d", i).isEqualTo(100 * MS);
        }
    }

    @Test
    void shouldReportWaitingWhenNotReady() throws Exception {
        serve(1);
        producer = new CapturingProducer(true, time, n -> { });
        PublishLoop l = new PublishLoop(new SyntheticFeed(synth, TimeConfig.max(null), board, time, Gemm::plainJava,
                metrics), board, new RecordPublisher(producer, "t", 10, metrics, time),
                new RatePacer(RateSchedule.parse("max"), time), Pace.MAX, time, time, metrics, () -> false);
        Thread runner = new Thread(l);
        runner.start();
        Thread.sleep(300);

        assertThat(l.waiting()).isTrue();
        assertThat(producer.history()).isEmpty();
        l.stop();
        runner.join(Duration.ofSeconds(10).toMillis());
        assertThat(l.finished()).isTrue();
    }

    @Test
    void shouldRecordNoPublishDelayWhenThePaceAndTheRateAreMax() throws Exception {
        serve(1);
        loop("max", TimeConfig.max(null), 50, n -> time.advance(MS)).run();

        assertThat(producer.history()).hasSize(50);
        assertThat(registry.get(ProducerMetrics.PREFIX + "publish.delay").timer().count()).isZero();
    }

    @Test
    void shouldRecordAPublishDelayPerRecordWhenTheRateIsMaxButThePaceIsRealtime() throws Exception {
        synth = synth.withOutput(OutputMode.BARS);
        serve(1);
        loop("max", TimeConfig.defaults(), 6, n -> { }).run();

        assertThat(registry.get(ProducerMetrics.PREFIX + "publish.delay").timer().count()).isEqualTo(6);
    }
}

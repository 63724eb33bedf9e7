package io.tickforge.producer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.producer.follow.ModelsConfig;
import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.producer.publish.PublishConfig;
import io.tickforge.producer.rate.RateConfig;
import io.tickforge.producer.rate.Ticker;
import io.tickforge.producer.synth.SynthConfig;
import io.tickforge.producer.synth.SyntheticHeaders;
import io.tickforge.producer.synth.TimeConfig;
import io.tickforge.producer.testing.Await;
import io.tickforge.producer.testing.ModelTopic;
import io.tickforge.producer.testing.TestModels;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.timegan.nn.Gemm;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class ProducerServiceTest {

    private static final int TICKS_PER_BAR = 5;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProducerMetrics metrics = new ProducerMetrics(registry, Clock.systemUTC());
    private ModelTopic topic = new ModelTopic();
    private MockProducer<String, byte[]> producer = mockProducer(true);
    private int consumersMade;
    private ProduceConfig config = ProduceConfig.defaults()
            .withSynth(SynthConfig.defaults().withInstruments(3).withTicksPerBar(TICKS_PER_BAR))
            .withTime(TimeConfig.max(START))
            .withRate(RateConfig.parse("20000"));
    private final List<ProducerService> services = new ArrayList<>();

    private static MockProducer<String, byte[]> mockProducer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    }

    private ProducerService service() {
        ProducerKafka kafka = ProducerKafka.of(producer, () -> {
            consumersMade++;
            return topic.consumer();
        });
        ProducerService s = new ProducerService(config, kafka, metrics, Clock.systemUTC(), Ticker.system(),
                Gemm::plainJava);
        services.add(s);
        return s;
    }

    @AfterEach
    void closeServices() {
        services.forEach(ProducerService::close);
    }

    private static String header(ProducerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static long seq(ProducerRecord<String, byte[]> r) {
        return Long.parseLong(header(r, SyntheticHeaders.STREAM_SEQ));
    }

    private List<ProducerRecord<String, byte[]>> history() {
        return producer.history();
    }

    private static Map<String, List<ProducerRecord<String, byte[]>>> byInstrument(
            List<ProducerRecord<String, byte[]>> records) {
        Map<String, List<ProducerRecord<String, byte[]>>> m = new LinkedHashMap<>();
        records.forEach(r -> m.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        return m;
    }

    private double rejected(String reason) {
        var c = registry.find(ProducerMetrics.PREFIX + "models.rejected").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void shouldWaitForAModelAndStayHealthyWhenTheModelTopicIsEmpty() throws Exception {
        ProducerService service = service();
        service.start();
        Thread.sleep(300);

        assertThat(service.status()).isEqualTo("WAITING_FOR_MODEL");
        assertThat(service.isUp()).isTrue();
        assertThat(history()).isEmpty();
        assertThat(service.currentModels()).isEmpty();
    }

    @Test
    void shouldPublishTicksOfTheSchemaToTheOutputTopicWhenAModelArrives() {
        ProducerService service = service();
        service.start();

        topic.publish(TestModels.NAME, TestModels.spec().version(3).bytes());
        Await.until("200 records acknowledged", () -> service.sent() >= 200);

        assertThat(service.status()).isEqualTo("RUNNING");
        assertThat(service.currentModels()).containsExactly(entry(TestModels.NAME, 3L));
        assertThat(history().subList(0, 200)).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo(TopicsConfig.OUTPUT);
            Tick t = WireFormat.JSON.tick().decode(r.value());
            assertThat(t.symbol()).isEqualTo(r.key()).startsWith("SYN-SIM-XHJ-000");
            assertThat(r.timestamp()).isEqualTo(t.ts()).isGreaterThanOrEqualTo(START.toEpochMilli());
            assertThat(header(r, SyntheticHeaders.SYNTHETIC)).isEqualTo("true");
            assertThat(header(r, SyntheticHeaders.MODEL_VERSION)).isEqualTo("3");
            assertThat(header(r, SyntheticHeaders.STREAM_ID)).isEqualTo(r.key());
        });
    }

    @Test
    void shouldPublishExactlyTheLimitAndReportCompletedWhenGivenARecordLimit() {
        config = config.withPublish(PublishConfig.defaults().withMaxRecords(250));
        ProducerService service = service();
        service.start();

        topic.publish(TestModels.NAME, TestModels.spec().version(1).bytes());
        Await.until("the service completes", () -> service.state() == ProducerService.Status.COMPLETED);
        service.close();

        assertThat(history()).hasSize(250);
        assertThat(service.sent()).isEqualTo(250);
        assertThat(registry.get(ProducerMetrics.PREFIX + "records.inflight").gauge().value()).isZero();
    }

    @Test
    void shouldGiveByteIdenticalRecordsWhenRunTwiceWithTheSameSeedAndModel() {
        config = config.withRate(RateConfig.parse("max"));
        byte[] model = TestModels.spec().bytes();
        List<String> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            producer = mockProducer(true);
            topic = new ModelTopic();
            ProducerService service = service();
            topic.publish(TestModels.NAME, model);
            service.start();
            Await.until("2000 records acknowledged", () -> service.sent() >= 2000);
            service.close();
            runs.add(describe(history().subList(0, 2000)));
        }

        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    private static String describe(List<ProducerRecord<String, byte[]>> records) {
        StringBuilder b = new StringBuilder();
        for (ProducerRecord<String, byte[]> r : records) {
            b.append(r.key()).append('|').append(r.timestamp()).append('|').append(Arrays.toString(r.value()));
            for (Header h : r.headers()) {
                b.append('|').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Test
    void shouldHotSwapANewVersionWithContinuousSequencesWhenItArrives() {
        topic.publish(TestModels.NAME, TestModels.spec().bytes());
        ProducerService service = service();
        service.start();
        Await.until("300 records", () -> service.sent() >= 300);

        topic.publish(TestModels.NAME, TestModels.spec().version(2).weightSeed(123).bytes());
        Await.until("300 records of version 2", () -> history().stream()
                .filter(r -> "2".equals(header(r, SyntheticHeaders.MODEL_VERSION))).count() >= 300);
        service.close();

        List<ProducerRecord<String, byte[]>> all = history();
        Set<String> seen = new HashSet<>();
        assertThat(all).allSatisfy(r -> assertThat(seen.add(r.key() + "#" + seq(r))).as("no duplicate").isTrue());
        assertThat(byInstrument(all)).hasSize(3).allSatisfy((instrument, s) -> {
            int firstV2 = -1;
            for (int i = 0; i < s.size(); i++) {
                assertThat(seq(s.get(i))).as("%s record %d", instrument, i).isEqualTo(i);
                String version = header(s.get(i), SyntheticHeaders.MODEL_VERSION);
                if (firstV2 < 0 && "2".equals(version)) {
                    firstV2 = i;
                }
                assertThat(version).as("%s record %d", instrument, i).isEqualTo(firstV2 >= 0 ? "2" : "1");
            }
            assertThat(firstV2).as("%s got version 2", instrument).isGreaterThanOrEqualTo(100 / 3);
            assertThat(firstV2 % TICKS_PER_BAR).as("%s swapped between bars", instrument).isZero();
        });
        assertThat(service.currentModels()).containsExactly(entry(TestModels.NAME, 2L));
        assertThat(registry.get(ProducerMetrics.PREFIX + "model.version").tag("model", TestModels.NAME).gauge()
                .value()).isEqualTo(2);
    }

    @Test
    void shouldRejectABadCheckpointAndKeepServingTheOldModelWhenOneArrives() {
        topic.publish(TestModels.NAME, TestModels.spec().bytes());
        ProducerService service = service();
        service.start();
        Await.until("100 records", () -> service.sent() >= 100);

        topic.publish(TestModels.NAME, "not a checkpoint".getBytes(StandardCharsets.UTF_8));
        Await.until("the bad checkpoint rejected", () -> rejected("corrupt") == 1);
        long after = service.sent();
        Await.until("200 more records", () -> service.sent() >= after + 200);

        assertThat(service.isUp()).isTrue();
        assertThat(service.currentModels()).containsExactly(entry(TestModels.NAME, 1L));
        assertThat(history()).allSatisfy(r -> assertThat(header(r, SyntheticHeaders.MODEL_VERSION)).isEqualTo("1"));
    }

    @Test
    void shouldCountFailedSendsAndKeepPublishingWhenTheBrokerFails() {
        producer.sendException = new TimeoutException("broker gone");
        topic.publish(TestModels.NAME, TestModels.spec().bytes());
        ProducerService service = service();
        service.start();

        Await.until("50 failed sends", () -> service.failed() >= 50);

        assertThat(service.sent()).isZero();
        assertThat(service.isUp()).isTrue();
        assertThat(service.failuresByError()).containsOnlyKeys("TimeoutException");
        assertThat(registry.get(ProducerMetrics.PREFIX + "send.errors").tag("error", "TimeoutException").counter()
                .count()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void shouldBoundRecordsInFlightWhenTheProducerNeverCompletes() throws Exception {
        producer = mockProducer(false);
        config = config.withRate(RateConfig.parse("max")).withPublish(PublishConfig.defaults().withMaxInFlight(64));
        topic.publish(TestModels.NAME, TestModels.spec().bytes());
        ProducerService service = service();
        service.start();

        Await.until("64 records handed over", () -> history().size() >= 64);
        Thread.sleep(500);

        assertThat(history()).hasSize(64);
        assertThat(registry.get(ProducerMetrics.PREFIX + "records.inflight").gauge().value()).isEqualTo(64);
        assertThat(service.sent()).isZero();
        assertThat(service.isUp()).isTrue();
    }

    @Test
    void shouldFlushEveryRecordAndCloseTheClientsWhenClosed() {
        producer = mockProducer(false);
        config = config.withRate(RateConfig.parse("5000"));
        topic.publish(TestModels.NAME, TestModels.spec().bytes());
        ProducerService service = service();
        service.start();
        Await.until("100 records handed over", () -> history().size() >= 100);

        service.close();

        assertThat(service.status()).isEqualTo("STOPPED");
        assertThat(service.isUp()).isFalse();
        assertThat(producer.flushed()).isTrue();
        assertThat(producer.closed()).isTrue();
        assertThat(topic.consumer().closed()).isTrue();
        assertThat(service.sent()).isEqualTo(history().size());
    }

    @Test
    void shouldServeAModelFileWithoutAModelConsumerWhenNotFollowing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.tgan");
        TestModels.spec().version(8).checkpoint().save(file);
        config = config.withModels(ModelsConfig.defaults().withModelFile(file).withFollow(false));
        ProducerService service = service();
        service.start();

        Await.until("50 records", () -> service.sent() >= 50);

        assertThat(consumersMade).isZero();
        assertThat(service.currentModels()).containsExactly(entry(TestModels.NAME, 8L));
    }

    @Test
    void shouldRefuseToStartNamingTheFlagWhenTheModelFileIsCorrupt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.tgan");
        Files.write(file, new byte[] {1, 2, 3, 4});
        config = config.withModels(ModelsConfig.defaults().withModelFile(file));
        ProducerService service = service();

        assertThatThrownBy(service::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("models.modelFile").hasMessageContaining(file.toString());
        assertThat(rejected("corrupt")).isEqualTo(1);
    }

    @Test
    void shouldStopCleanlyWhenClosedBeforeOrTwiceAfterStart() {
        ProducerService unstarted = service();
        unstarted.close();
        assertThat(unstarted.status()).isEqualTo("STOPPED");

        ProducerService service = service();
        service.start();
        service.close();
        service.close();

        assertThat(service.status()).isEqualTo("STOPPED");
    }
}

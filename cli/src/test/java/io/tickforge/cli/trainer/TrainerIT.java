package io.tickforge.cli.trainer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.broker.EmbeddedKafkaBroker;
import io.tickforge.broker.junit.EmbeddedKafkaExtension;
import io.tickforge.cli.Tickforge;
import io.tickforge.cli.kafka.KafkaConnection;
import io.tickforge.cli.kafka.Topics;
import io.tickforge.schemas.Bar;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.timegan.checkpoint.Checkpoint;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.timegan.sample.SampleSet;
import io.tickforge.timegan.sample.Sampler;
import io.tickforge.trainer.TopicsConfig;
import io.tickforge.trainer.TrainerConfig;
import io.tickforge.trainer.TrainerKafka;
import io.tickforge.trainer.TrainerService;
import io.tickforge.trainer.gate.GateConfig;
import io.tickforge.trainer.ingest.IngestConfig;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.publish.ModelHeaders;
import io.tickforge.trainer.retrain.ScheduleConfig;
import io.tickforge.trainer.retrain.TrainingConfig;
import io.tickforge.trainer.window.WindowConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trainer end to end on the embedded broker: {@code tickforge simulate} publishes ticks, the trainer turns them
 * into bars, windows and a trained model per symbol on {@code tickforge.models}; the checkpoint loads and samples
 * valid bars; a restarted trainer has its windows and models back and warm-starts the next version.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class TrainerIT {
    private static final Duration WAIT = Duration.ofSeconds(150);

    private final EmbeddedKafkaBroker broker;

    TrainerIT(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    private static TrainerConfig config(String prefix, int retrainEveryBars) {
        return new TrainerConfig(prefix + "-app",
                new TopicsConfig(prefix + ".ticks", prefix + ".ticks.dlq", prefix + ".models"),
                new IngestConfig(IngestConfig.Input.TICKS, WireFormat.JSON, Duration.ofMillis(10), Duration.ofMillis(20)),
                new WindowConfig(400, 150),
                new ScheduleConfig(ScheduleConfig.Scope.PER_SYMBOL, "pooled", Duration.ofHours(1), retrainEveryBars,
                        Duration.ofMillis(100)),
                new TrainingConfig(FeatureTransform.LOG_RETURNS, 6, 4, 2, 16, RecurrentCell.GRU, 30, 10, 42L, 1,
                        Duration.ofMinutes(2)),
                new GateConfig(0.2, 20, 20, 1, 0.5));
    }

    private KafkaConnection connection() {
        return new KafkaConnection(broker.bootstrapServers(), Map.of());
    }

    private TrainerService trainer(TrainerConfig config, Path stateDir) {
        KafkaConnection connection = connection();
        Topics.ensure(connection, config.topics().ticks(), 2);
        Topics.ensure(connection, config.topics().dlq(), 2);
        Topics.ensure(connection, config.topics().models(), 1, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT));
        TrainerKafka kafka = new TrainerKafka() {
            @Override
            public KafkaStreams streams(Topology topology) {
                return new KafkaStreams(topology, connection.streamsProperties(config.applicationId(), stateDir, 1));
            }

            @Override
            public Consumer<String, byte[]> modelReader() {
                return new KafkaConsumer<>(connection.readerProperties("it-model-reader"));
            }
        };
        return TrainerService.create(config, kafka, new TrainerMetrics(new SimpleMeterRegistry(), Clock.systemUTC()),
                Clock.systemUTC(), "it");
    }

    private void simulate(String topic, String start, String count) {
        StringWriter out = new StringWriter();
        int code = Tickforge.run(new PrintWriter(out, true), new PrintWriter(out, true), "simulate", "--bootstrap",
                broker.bootstrapServers(), "--topic", topic, "--partitions", "2", "--symbols", "2", "--rate",
                "20000", "--count", count, "--seed", "7", "--start", start);
        assertThat(code).as(out.toString()).isZero();
    }

    /** Reads the committed model records until {@code done} holds for them or the wait ends. */
    private List<ConsumerRecord<String, byte[]>> models(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KafkaConnection.MAX_MODEL_RECORD_BYTES),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition p0 = new TopicPartition(topic, 0);
            consumer.assign(List.of(p0));
            consumer.seekToBeginning(List.of(p0));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static long distinctModels(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).distinct().count();
    }

    @Test
    void shouldPublishALoadableModelPerSymbolThatSamplesValidBarsWhenTicksFlowIn(@TempDir Path state) throws Exception {
        TrainerConfig config = config("e2e", 100_000);
        simulate(config.topics().ticks(), "2026-01-02T14:30:00Z", "60000");

        List<ConsumerRecord<String, byte[]>> records;
        try (TrainerService service = trainer(config, state)) {
            service.start(Duration.ofSeconds(30));
            records = models(config.topics().models(), r -> distinctModels(r) >= 2);
        }

        assertThat(distinctModels(records)).isEqualTo(2);
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(record.key()).startsWith(ScheduleConfig.MODEL_PREFIX + "SIM-");
            Checkpoint checkpoint = Checkpoint.fromBytes(record.value(), Gemm.openBlas());
            ModelMetadata metadata = checkpoint.metadata();
            assertThat(metadata.modelName()).isEqualTo(record.key());
            assertThat(metadata.modelVersion()).isEqualTo(1);
            assertThat(metadata.featureTransform()).isEqualTo(FeatureTransform.LOG_RETURNS.wireName());
            // the window's bars less the held-out slice the gate scores on
            assertThat(metadata.dataWindow().rows()).isBetween(100L, 400L);
            assertThat(ModelHeaders.read(record.headers()).version()).isEqualTo(1);

            List<Bar> bars = sampleBars(checkpoint, record.key().substring(ScheduleConfig.MODEL_PREFIX.length()));
            assertThat(bars).hasSize(4 * config.training().steps()).allSatisfy(b -> {
                assertThat(b.high()).isGreaterThanOrEqualTo(Math.max(b.open(), b.close()));
                assertThat(b.low()).isLessThanOrEqualTo(Math.min(b.open(), b.close()));
                assertThat(b.volume()).isGreaterThanOrEqualTo(0);
            });
        }
    }

    private static List<Bar> sampleBars(Checkpoint checkpoint, String symbol) {
        FeatureTransform transform = FeatureTransform.fromWireName(checkpoint.metadata().featureTransform());
        SampleSet samples = new Sampler(checkpoint.model(), checkpoint.scaler(), checkpoint.metadata().featureNames(),
                Gemm.openBlas()).windows(4, 11L);
        List<Bar> bars = new ArrayList<>();
        for (int s = 0; s < samples.sequences(); s++) {
            double[][] rows = new double[samples.steps()][samples.features()];
            for (int t = 0; t < samples.steps(); t++) {
                for (int f = 0; f < samples.features(); f++) {
                    rows[t][f] = samples.value(s, t, f);
                }
            }
            bars.addAll(transform.inverse(rows, symbol, 1_767_364_200_000L + bars.size() * 10L, 10, 100.0));
        }
        return bars;
    }

    @Test
    void shouldRecoverWindowsAndModelsAndWarmStartTheNextVersionWhenRestarted(@TempDir Path state) throws Exception {
        TrainerConfig config = config("restart", 120);
        simulate(config.topics().ticks(), "2026-01-02T14:30:00Z", "60000");
        Map<String, Integer> before;
        try (TrainerService service = trainer(config, state)) {
            service.start(Duration.ofSeconds(30));
            assertThat(distinctModels(models(config.topics().models(), r -> distinctModels(r) >= 2))).isEqualTo(2);
            before = settledWindows(service);
        }
        assertThat(before).hasSize(2).allSatisfy((symbol, size) -> assertThat(size).isGreaterThanOrEqualTo(250));

        try (TrainerService restarted = trainer(config, state)) {
            assertThat(restarted.start(Duration.ofSeconds(30))).isEqualTo(2);
            awaitRunning(restarted);
            assertThat(restarted.windowSizes()).isEqualTo(before);

            // 3 s more event time: 300 bars per symbol, past retrainEveryBars = 120 since the first training
            simulate(config.topics().ticks(), "2026-01-02T14:30:03Z", "60000");
            List<ConsumerRecord<String, byte[]>> records = models(config.topics().models(),
                    r -> r.stream().filter(x -> ModelHeaders.read(x.headers()).version() >= 2).count() >= 1);
            ConsumerRecord<String, byte[]> second = records.stream()
                    .filter(x -> ModelHeaders.read(x.headers()).version() >= 2).findFirst().orElseThrow();
            Checkpoint checkpoint = Checkpoint.fromBytes(second.value(), Gemm.openBlas());
            assertThat(checkpoint.metadata().modelVersion()).isEqualTo(2);
            assertThat(checkpoint.metadata().hyperparameters().iterationsPerPhase())
                    .isEqualTo(config.training().warmIterations());
        }
    }

    /** Waits until every tick is in a window: the sizes stop changing. */
    private static Map<String, Integer> settledWindows(TrainerService service) throws InterruptedException {
        Map<String, Integer> previous = Map.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Integer> now = new TreeMap<>(service.windowSizes());
            if (!now.isEmpty() && now.equals(previous)) {
                return now;
            }
            previous = now;
            Thread.sleep(2_000);
        }
        return previous;
    }

    private static void awaitRunning(TrainerService service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (service.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
}

package io.tickforge.bench.trainer;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickforge.broker.BrokerConfig;
import io.tickforge.broker.EmbeddedKafkaBroker;
import io.tickforge.cli.kafka.KafkaConnection;
import io.tickforge.cli.kafka.Topics;
import io.tickforge.cli.simulate.MarketSimulator;
import io.tickforge.cli.simulate.SimulatorConfig;
import io.tickforge.schemas.Tick;
import io.tickforge.schemas.codec.JsonCodec;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.nn.RecurrentCell;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trainer's end-to-end benchmark (issue 4's targets): an in-process broker, the market simulator publishing
 * {@code --rate} ticks/s across {@code --symbols} symbols, and the trainer retraining per-symbol models on schedule.
 * Every 5 s it samples the trainer's consumer lag on the tick topic; at the end it prints the lag series, the lag's
 * least-squares slope over the second half (flat means about 0 ticks/s), and every training's outcome with its
 * duration from request to outcome and from outcome to the committed record on the model topic.
 *
 * <p>Run: {@code OMP_NUM_THREADS=1 TICKFORGE_LOG_LEVEL=INFO java -cp bench/target/tickforge-bench.jar
 * io.tickforge.bench.trainer.TrainerEndToEnd [minutes] [rate] [symbols]}. Prints the report to stdout; with
 * {@code TICKFORGE_LOG_LEVEL=INFO} stderr has one {@code retrain accepted|rejected} line per training with
 * {@code warm=} and {@code durationMs=}.
 */
public final class TrainerEndToEnd {
    private TrainerEndToEnd() {
    }

    /**
     * @param args minutes (default 8), ticks per second (default 2000), symbols (default 5)
     * @throws Exception when the run fails
     */
    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 2000;
        int symbols = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("tickforge-bench-trainer");
        TrainerConfig config = new TrainerConfig("bench-trainer", TopicsConfig.defaults(),
                new IngestConfig(IngestConfig.Input.TICKS, WireFormat.JSON, Duration.ofMillis(200),
                        Duration.ofMillis(400)),
                new WindowConfig(1_000, 300),
                new ScheduleConfig(ScheduleConfig.Scope.PER_SYMBOL, "pooled", Duration.ofMinutes(2), 300,
                        Duration.ofSeconds(1)),
                new TrainingConfig(FeatureTransform.LOG_RETURNS, 24, 24, 3, 128, RecurrentCell.GRU, 300, 200, 42L, 1,
                        Duration.ofMinutes(5)),
                GateConfig.defaults());
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerConfig.loopback(dir.resolve("broker")))) {
            broker.start();
            KafkaConnection connection = new KafkaConnection(broker.bootstrapServers(), Map.of());
            Topics.ensure(connection, config.topics().ticks(), 3);
            Topics.ensure(connection, config.topics().dlq(), 3);
            Topics.ensure(connection, config.topics().models(), 1, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_COMPACT, TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                    Integer.toString(KafkaConnection.MAX_MODEL_RECORD_BYTES)));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            TrainerMetrics metrics = new TrainerMetrics(registry, Clock.systemUTC());
            TrainerKafka kafka = new TrainerKafka() {
                @Override
                public KafkaStreams streams(Topology topology) {
                    return new KafkaStreams(topology, connection.streamsProperties(config.applicationId(),
                            dir.resolve("state"), 1));
                }

                @Override
                public Consumer<String, byte[]> modelReader() {
                    return new KafkaConsumer<>(connection.readerProperties("bench-model-reader"));
                }
            };
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong sent = new AtomicLong();
            Thread publisher = new Thread(() -> publish(connection, config.topics().ticks(), rate, symbols, running,
                    sent), "bench-simulator");
            List<String> published = new ArrayList<>();
            Thread watcher = new Thread(() -> watch(connection, config.topics().models(), running, published),
                    "bench-models");
            List<long[]> lag = new ArrayList<>();
            long t0 = System.nanoTime();
            try (TrainerService trainer = TrainerService.create(config, kafka, metrics, Clock.systemUTC(), "bench");
                 Admin admin = Admin.create(connection.adminProperties("bench-admin"))) {
                trainer.start(Duration.ofSeconds(30));
                publisher.start();
                watcher.start();
                long end = t0 + TimeUnit.MINUTES.toNanos(minutes);
                while (System.nanoTime() < end) {
                    Thread.sleep(5_000);
                    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
                    long l = lag(admin, config.applicationId(), config.topics().ticks());
                    lag.add(new long[] {seconds, l, sent.get()});
                    System.out.printf(Locale.ROOT, "t=%4ds sent=%8d lag=%6d running=%s%n", seconds, sent.get(), l,
                            registry.find(TrainerMetrics.PREFIX + "retrain.running").gauge() == null ? "?"
                                    : (int) registry.find(TrainerMetrics.PREFIX + "retrain.running").gauge().value());
                }
                running.set(false);
                publisher.join();
                watcher.join();
            }
            report(lag, registry, published, rate, symbols, minutes);
        }
    }

    private static void publish(KafkaConnection connection, String topic, double rate, int symbols,
                                AtomicBoolean running, AtomicLong sent) {
        MarketSimulator simulator = new MarketSimulator(SimulatorConfig.defaults(symbols, 7, System.currentTimeMillis(),
                rate));
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(connection.producerProperties("bench-sim"))) {
            for (long i = 0; running.get(); i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Tick tick = simulator.next();
                producer.send(new ProducerRecord<>(topic, tick.symbol(), JsonCodec.tick().encode(tick)));
                sent.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void watch(KafkaConnection connection, String topic, AtomicBoolean running, List<String> out) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(connection.readerProperties("bench-watch"))) {
            TopicPartition p0 = new TopicPartition(topic, 0);
            consumer.assign(List.of(p0));
            consumer.seekToBeginning(List.of(p0));
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    ModelHeaders.Summary s = ModelHeaders.read(r.headers());
                    long visible = System.currentTimeMillis();
                    String line = String.format(Locale.ROOT, "%s v%d %d KiB created->visible %d ms disc=%s pred=%s",
                            r.key(), s.version(), r.value().length / 1024, visible - s.createdAt(),
                            s.scores().discriminative(), s.scores().predictive());
                    synchronized (out) {
                        out.add(line);
                    }
                    System.out.println("model " + line);
                }
            }
        }
    }

    private static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        long total = 0;
        for (var e : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            total += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return total;
    }

    private static void report(List<long[]> lag, SimpleMeterRegistry registry, List<String> published, double rate,
                               int symbols, int minutes) {
        System.out.printf(Locale.ROOT, "%n== trainer end-to-end: %d min, %.0f ticks/s across %d symbols ==%n",
                minutes, rate, symbols);
        List<long[]> half = lag.subList(lag.size() / 2, lag.size());
        double n = half.size();
        double mx = half.stream().mapToDouble(x -> x[0]).sum() / n;
        double my = half.stream().mapToDouble(x -> x[1]).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (long[] x : half) {
            sxy += (x[0] - mx) * (x[1] - my);
            sxx += (x[0] - mx) * (x[0] - mx);
        }
        long[] sorted = lag.stream().mapToLong(x -> x[1]).sorted().toArray();
        System.out.printf(Locale.ROOT, "lag (ticks): median %d, max %d; second-half slope %.2f ticks/s (input %.0f"
                        + " ticks/s)%n", sorted[sorted.length / 2], sorted[sorted.length - 1], sxx == 0 ? 0 : sxy / sxx,
                rate);
        for (Timer t : registry.find(TrainerMetrics.PREFIX + "retrain.duration").timers()) {
            if (t.count() == 0) {
                continue; // every outcome of a model is registered at zero when it first trains
            }
            System.out.printf(Locale.ROOT, "trainings %s %s: count %d, mean %.1f s (request to outcome)%n",
                    t.getId().getTag("model"), t.getId().getTag("outcome"), t.count(), t.mean(TimeUnit.SECONDS));
        }
        registry.find(TrainerMetrics.PREFIX + "retrain.failures").counters().stream().filter(c -> c.count() > 0)
                .forEach(c -> System.out.printf(Locale.ROOT, "failures %s %s: %d%n", c.getId().getTag("model"),
                        c.getId().getTag("reason"), (long) c.count()));
        System.out.println("models published (" + published.size() + "):");
        synchronized (published) {
            published.forEach(p -> System.out.println("  " + p));
        }
    }
}

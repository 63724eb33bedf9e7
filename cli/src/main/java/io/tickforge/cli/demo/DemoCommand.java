package io.tickforge.cli.demo;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickforge.cli.Tickforge;
import io.tickforge.cli.kafka.Compression;
import io.tickforge.cli.kafka.KafkaConnection;
import io.tickforge.cli.kafka.Topics;
import io.tickforge.cli.observe.Health;
import io.tickforge.cli.observe.MetricsServer;
import io.tickforge.cli.options.DurationConverter;
import io.tickforge.cli.publish.PublishSummary;
import io.tickforge.cli.publish.StopSignal;
import io.tickforge.cli.simulate.SimulatorConfig;
import io.tickforge.producer.ProduceConfig;
import io.tickforge.producer.ProducerKafka;
import io.tickforge.producer.ProducerService;
import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.schemas.codec.JsonCodec;
import io.tickforge.trainer.TrainerConfig;
import io.tickforge.trainer.TrainerKafka;
import io.tickforge.trainer.TrainerService;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.publish.ModelHeaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code tickforge demo}: the whole pipeline on a fresh machine with one command. A real Kafka broker in its own JVM,
 * the market simulator publishing ticks, the trainer learning a model per symbol and the producer publishing
 * synthetic ticks from the models it follows; the first synthetic records are read back and printed. Ctrl-C (or
 * {@code --duration}) stops everything, the broker last.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the whole pipeline on this machine: a Kafka broker (in its own JVM), the market "
            + "simulator publishing ticks to market.ticks, the trainer (demo-sized trainings: the first model within "
            + "a minute or two) publishing models to tickforge.models, and the producer publishing synthetic ticks "
            + "to synthetic.ticks. Prints the first synthetic records as they arrive.",
            "Runs until Ctrl-C, --duration or --until-synthetic, then stops everything, the broker last."})
public final class DemoCommand implements Callable<Integer> {
    /** The synthetic topic the demo's producer writes. */
    public static final String SYNTHETIC_TOPIC = DemoConfig.SYNTHETIC_TOPIC;
    /** How the demo says the first synthetic record has arrived (tests look for it). */
    public static final String FIRST_SYNTHETIC = "first synthetic record after ";

    private static final Duration BROKER_START = Duration.ofSeconds(120);
    private static final int MAX_BROKER_RESTARTS = 5;
    private static final long STATUS_EVERY_NANOS = Duration.ofSeconds(15).toNanos();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Tickforge root;

    @Option(names = "--port", defaultValue = "19092", description = "The broker's port, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Broker data and trainer state; kept after the run. Default: a new temporary directory, deleted after a clean run.")
    Path dataDir;
    @Option(names = "--symbols", defaultValue = "3", description = "Simulated instruments, one model each (default: ${DEFAULT-VALUE}).")
    int symbols;
    @Option(names = "--rate", defaultValue = "500", description = "Simulated ticks per second across all symbols (default: ${DEFAULT-VALUE}).")
    double rate;
    @Option(names = "--producer-rate", defaultValue = "1000", description = "The producer's rate schedule, synthetic records per second at most (default: ${DEFAULT-VALUE}); in realtime pace each model's "
            + DemoConfig.INSTRUMENTS + " instruments give about 200 ticks/s. See tickforge produce --rate.")
    String producerRate;
    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulator, the trainings and the synthetic streams (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long. Default: until Ctrl-C.")
    Duration duration;
    @Option(names = "--show", defaultValue = "5", description = "Synthetic records to print as they arrive (default: ${DEFAULT-VALUE}).")
    int show;
    @Option(names = "--until-synthetic", defaultValue = "0", paramLabel = "N", description = "Stop once N synthetic records have been read back, for scripts and tests (default: no limit).")
    long untilSynthetic;
    @Option(names = "--trainer-metrics-port", defaultValue = "9400", description = "Port of the trainer's /metrics and /health, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int trainerMetricsPort;
    @Option(names = "--producer-metrics-port", defaultValue = "9401", description = "Port of the producer's /metrics and /health, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int producerMetricsPort;

    private long t0;
    private PrintWriter out;

    /** Created by picocli. */
    public DemoCommand() {
        // fields are injected
    }

    /**
     * @return the validated config from the flags
     * @throws CommandLine.ParameterException naming the flag of the first bad value
     */
    DemoConfig config() {
        try {
            return new DemoConfig(port, dataDir, symbols, rate, producerRate, seed, duration, trainerMetricsPort,
                    producerMetricsPort, show, untilSynthetic);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        DemoConfig config = config();
        out = spec.commandLine().getOut();
        t0 = System.nanoTime();
        boolean temporary = config.dataDir() == null;
        DemoConfig demo = temporary ? config.withDataDir(Files.createTempDirectory("tickforge-demo-")) : config;
        Files.createDirectories(demo.dataDir());
        say("tickforge demo: data in %s. Ctrl-C stops everything.", demo.dataDir().toAbsolutePath());
        // the stop signal is released last: on Ctrl-C the JVM exits as soon as it is
        try (StopSignal stop = new StopSignal("demo")) {
            int code = run(demo, stop);
            if (temporary && code == 0) {
                deleteQuietly(demo.dataDir());
            }
            return code;
        }
    }

    private int run(DemoConfig demo, StopSignal stop) throws Exception {
        TrainerConfig trainerConfig = demo.trainer();
        int code;
        TickFeed feedOf;
        TopicTail syntheticOf;
        Path dir = demo.dataDir();
        try (BrokerProcess broker = new BrokerProcess(BrokerProcess.tickforgeBroker(dir.resolve("kafka"),
                List.of("-Xms256m", "-Xmx1g")), demo.port(), dir.resolve("broker.log"))) {
            String bootstrap = broker.start(BROKER_START);
            say("broker    Kafka 4.1.2 (KRaft) on %s, in its own JVM (pid %d, log %s)", bootstrap, broker.pid(),
                    broker.log());
            KafkaConnection connection = new KafkaConnection(bootstrap, Map.of());
            Topics.ensure(connection, trainerConfig.topics().ticks(), 3);
            Topics.ensure(connection, trainerConfig.topics().dlq(), 3);
            Topics.ensure(connection, trainerConfig.topics().models(), 1, Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(KafkaConnection.MAX_MODEL_RECORD_BYTES)));
            Topics.ensure(connection, SYNTHETIC_TOPIC, 3);

            Clock clock = Clock.systemUTC();
            PrometheusMeterRegistry trainerRegistry = registry();
            TrainerMetrics trainerMetrics = new TrainerMetrics(trainerRegistry, clock);
            SimulatorConfig simulator = SimulatorConfig.defaults(demo.symbols(), demo.seed(), clock.millis(),
                    demo.tickRate());
            ProduceConfig produceConfig = demo.producer();
            PrometheusMeterRegistry producerRegistry = registry();
            KafkaProducer<String, byte[]> syntheticProducer = new KafkaProducer<>(connection.producerProperties(
                    "tickforge-demo-producer", Compression.LZ4));
            try (TrainerService trainer = TrainerService.create(trainerConfig, trainerKafka(connection,
                         trainerConfig, dir.resolve("trainer-state")), trainerMetrics, clock, version());
                 MetricsServer trainerServer = MetricsServer.start("0.0.0.0", demo.trainerMetricsPort(),
                         trainerRegistry, () -> trainerHealth(trainer));
                 TopicTail models = new TopicTail(new KafkaConsumer<>(connection.readerProperties(
                         "tickforge-demo-models")), trainerConfig.topics().models(), Integer.MAX_VALUE,
                         (i, r) -> modelPublished(r));
                 TickFeed feed = new TickFeed(simulator, JsonCodec.tick(), new KafkaProducer<>(
                         connection.producerProperties("tickforge-demo-simulator")), trainerConfig.topics().ticks());
                 KafkaClientMetrics producerClientMetrics = new KafkaClientMetrics(syntheticProducer);
                 ProducerService producer = new ProducerService(produceConfig, producerKafka(connection,
                         syntheticProducer), new ProducerMetrics(producerRegistry, clock), clock);
                 MetricsServer producerServer = MetricsServer.start("0.0.0.0", demo.producerMetricsPort(),
                         producerRegistry, () -> producerHealth(producer));
                 TopicTail synthetic = new TopicTail(new KafkaConsumer<>(connection.readerProperties(
                         "tickforge-demo-tail")), SYNTHETIC_TOPIC, demo.show(), this::syntheticRecord)) {
                feed.start();
                say("simulator %d symbols %s at %s ticks/s -> %s", demo.symbols(), feed.symbols(),
                        trim(demo.tickRate()), trainerConfig.topics().ticks());
                trainer.start(Duration.ofSeconds(60));
                producerClientMetrics.bindTo(producerRegistry);
                producer.start();
                models.start();
                synthetic.start();
                say("trainer   %s bars, first training at %d bars per symbol (about %d s), then every %d bars -> %s",
                        DurationConverter.format(trainerConfig.ingest().barInterval()), DemoConfig.MIN_BARS,
                        DemoConfig.MIN_BARS * trainerConfig.ingest().barInterval().toMillis() / 1000,
                        trainerConfig.schedule().retrainEveryBars(), trainerConfig.topics().models());
                say("producer  follows %s: %d synthetic instruments per model, ticks in JSON, realtime, at most %s "
                                + "records/s -> %s", produceConfig.topics().models(), produceConfig.synth().instruments(),
                        produceConfig.rate().schedule().text(), produceConfig.topics().output());
                say("metrics   trainer http://localhost:%d/metrics and /health, producer http://localhost:%d/metrics "
                        + "and /health", trainerServer.port(), producerServer.port());
                out.printf(Locale.ROOT, "%nRead the synthetic ticks yourself:%n"
                                + "  kcat -b %1$s -t %2$s -C -f '%%k %%s\\n'%n"
                                + "  kafka-console-consumer.sh --bootstrap-server %1$s --topic %2$s --property "
                                + "print.key=true%n%n", bootstrap, SYNTHETIC_TOPIC);
                out.flush();

                code = supervise(demo, stop, broker, trainer, trainerMetrics, feed, producer, synthetic);
                say("stopping the producer, the simulator and the trainer, then the broker");
                feedOf = feed;
                syntheticOf = synthetic;
            }
        }
        PublishSummary ticks = feedOf.summary();
        say("stopped: %d ticks simulated (%d acknowledged, %d failed), %d synthetic records read back.",
                ticks.sent(), ticks.acked(), ticks.failed(), syntheticOf.read());
        return code;
    }

    private int supervise(DemoConfig demo, StopSignal stop, BrokerProcess broker, TrainerService trainer,
                          TrainerMetrics trainerMetrics, TickFeed feed, ProducerService producer, TopicTail synthetic)
            throws InterruptedException {
        long end = demo.duration() == null ? Long.MAX_VALUE : System.nanoTime() + demo.duration().toNanos();
        long nextStatus = System.nanoTime() + STATUS_EVERY_NANOS;
        while (!stop.isStopped() && System.nanoTime() < end) {
            if (!broker.isAlive()) {
                if (broker.starts() > MAX_BROKER_RESTARTS) {
                    say("the broker exited %d times; giving up (log %s)", broker.starts(), broker.log());
                    return Tickforge.EXIT_FAILURE;
                }
                say("the broker exited (code %s); restarting it on %s (log %s)",
                        broker.exitCode().isPresent() ? Integer.toString(broker.exitCode().getAsInt()) : "?",
                        broker.bootstrap(), broker.log());
                broker.start(BROKER_START);
                say("broker    back on %s", broker.bootstrap());
            }
            if (trainer.state() == KafkaStreams.State.ERROR) {
                say("the trainer failed: %s", trainer.lastError());
                return Tickforge.EXIT_FAILURE;
            }
            if (producer.state() == ProducerService.Status.FAILED) {
                say("the producer failed; see the log");
                return Tickforge.EXIT_FAILURE;
            }
            if (demo.untilSynthetic() > 0 && synthetic.read() >= demo.untilSynthetic()) {
                say("%d synthetic records read back (--until-synthetic)", synthetic.read());
                break;
            }
            if (System.nanoTime() >= nextStatus) {
                nextStatus += STATUS_EVERY_NANOS;
                say("status    %d ticks, windows %s, %d model(s), producer %s serving %s, %d synthetic records sent"
                                + " (%d read back)", feed.sent(), trainer.windowSizes(), models(trainerMetrics),
                        producer.status(), producer.currentModels(), producer.sent(), synthetic.read());
            }
            Thread.sleep(200);
        }
        return 0;
    }

    private static int models(TrainerMetrics metrics) {
        return metrics.registry().find(TrainerMetrics.PREFIX + "model.version").gauges().size();
    }

    private void modelPublished(ConsumerRecord<String, byte[]> r) {
        ModelHeaders.Summary s = ModelHeaders.read(r.headers());
        say("model     %s v%d published (%d KiB; held-out scores: discriminative %s, predictive %s)", r.key(),
                s.version(), r.value().length / 1024, score(s.scores().discriminative()),
                score(s.scores().predictive()));
    }

    private void syntheticRecord(long index, ConsumerRecord<String, byte[]> r) {
        if (index == 0) {
            say(FIRST_SYNTHETIC + "%.1f s, read back from %s:", (System.nanoTime() - t0) / 1e9, SYNTHETIC_TOPIC);
        }
        say("synthetic %s %s", r.key(), new String(r.value(), StandardCharsets.UTF_8));
    }

    private static String score(Double s) {
        return s == null ? "-" : String.format(Locale.ROOT, "%.3f", s);
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, "[%4d s] ", (System.nanoTime() - t0) / 1_000_000_000L)
                + String.format(Locale.ROOT, format, args);
        synchronized (this) {
            out.println(line);
            out.flush();
        }
    }

    private static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }

    private static TrainerKafka trainerKafka(KafkaConnection connection, TrainerConfig config, Path stateDir) {
        return new TrainerKafka() {
            @Override
            public KafkaStreams streams(Topology topology) {
                return new KafkaStreams(topology, connection.streamsProperties(config.applicationId(), stateDir, 1));
            }

            @Override
            public Consumer<String, byte[]> modelReader() {
                return new KafkaConsumer<>(connection.readerProperties("tickforge-demo-trainer-models"));
            }
        };
    }

    private static ProducerKafka producerKafka(KafkaConnection connection, Producer<String, byte[]> producer) {
        return ProducerKafka.of(producer,
                () -> new KafkaConsumer<>(connection.readerProperties("tickforge-demo-producer-models")));
    }

    private static Health producerHealth(ProducerService service) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("models", service.currentModels());
        details.put("acknowledged", service.sent());
        details.put("failed", service.failed());
        return new Health(service.isUp(), service.status(), details);
    }

    private static Health trainerHealth(TrainerService service) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("streams", service.state());
        details.put("windows", service.windowSizes());
        return new Health(service.isUp(), service.state().name(), details);
    }

    private static String version() {
        String v = DemoCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is harmless; say where it is
            spec.commandLine().getErr().println("tickforge demo: could not delete " + dir + ": " + e.getMessage());
        }
    }
}

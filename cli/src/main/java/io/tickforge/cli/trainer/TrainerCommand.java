package io.tickforge.cli.trainer;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickforge.cli.Tickforge;
import io.tickforge.cli.kafka.KafkaConnection;
import io.tickforge.cli.kafka.Topics;
import io.tickforge.cli.observe.Health;
import io.tickforge.cli.observe.MetricsServer;
import io.tickforge.cli.options.DurationConverter;
import io.tickforge.cli.options.KafkaOptions;
import io.tickforge.cli.publish.StopSignal;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.model.TrainingRecipe;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.trainer.TopicsConfig;
import io.tickforge.trainer.TrainerConfig;
import io.tickforge.trainer.TrainerKafka;
import io.tickforge.trainer.TrainerService;
import io.tickforge.trainer.gate.GateConfig;
import io.tickforge.trainer.ingest.IngestConfig;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.retrain.ScheduleConfig;
import io.tickforge.trainer.retrain.TrainingConfig;
import io.tickforge.trainer.window.WindowConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tickforge trainer}: runs the trainer service until Ctrl-C (or {@code --duration}): reads ticks, keeps
 * rolling windows, retrains TimeGAN models on schedule, gates them and publishes accepted checkpoints to the
 * compacted model topic; serves {@code /metrics} and {@code /health}.
 */
@Command(name = "trainer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the trainer: a Kafka Streams application that aggregates ticks into bars, keeps a rolling "
            + "window per symbol, retrains TimeGAN models on schedule (warm start), gates them on held-out quality "
            + "and publishes accepted checkpoints to a compacted model topic.",
            "Serves Prometheus metrics on /metrics and a probe on /health. Runs until Ctrl-C or --duration."})
public final class TrainerCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Tickforge root;

    @CommandLine.Mixin
    KafkaOptions kafka;

    // topics
    @Option(names = "--topic", defaultValue = TopicsConfig.TICKS, description = "Input tick topic (default: ${DEFAULT-VALUE}).")
    String ticksTopic;
    @Option(names = "--dlq-topic", defaultValue = TopicsConfig.DLQ, description = "Dead-letter topic (default: ${DEFAULT-VALUE}).")
    String dlqTopic;
    @Option(names = "--models-topic", defaultValue = TopicsConfig.MODELS, description = "Compacted model topic (default: ${DEFAULT-VALUE}).")
    String modelsTopic;
    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of the input and dead-letter topics if they have to be created (default: ${DEFAULT-VALUE}).")
    int partitions;
    @Option(names = "--application-id", defaultValue = TrainerConfig.DEFAULT_APPLICATION_ID, description = "Kafka Streams application id (default: ${DEFAULT-VALUE}).")
    String applicationId;
    @Option(names = "--state-dir", defaultValue = "${user.home}/.tickforge/trainer-state", description = "Local state directory for the windows and the schedule (restored from Kafka if lost; default: ${DEFAULT-VALUE}).")
    Path stateDir;
    @Option(names = "--model-dir", description = "Also write every accepted model to this directory as <model>-v<version>.tgan and <model>.tgan (optional).")
    Path modelDir;
    @Option(names = "--stream-threads", defaultValue = "1", description = "Stream threads (default: ${DEFAULT-VALUE}).")
    int streamThreads;

    // ingest
    @Option(names = "--input", defaultValue = "ticks", description = "What the input topic carries: ticks or bars (default: ${DEFAULT-VALUE}).")
    String input;
    @Option(names = "--format", defaultValue = "json", description = "Input wire format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    WireFormat format;
    @Option(names = "--bar-interval", defaultValue = "1s", converter = DurationConverter.class, description = "Bar length in event time (default: ${DEFAULT-VALUE}).")
    Duration barInterval;
    @Option(names = "--grace", defaultValue = "2s", converter = DurationConverter.class, description = "How late a tick may be for its bar (default: ${DEFAULT-VALUE}).")
    Duration grace;

    // window and schedule
    @Option(names = "--window", defaultValue = "2000", description = "Bars kept per symbol (default: ${DEFAULT-VALUE}).")
    int window;
    @Option(names = "--min-bars", defaultValue = "300", description = "Bars a window needs before the first training (default: ${DEFAULT-VALUE}).")
    int minBars;
    @Option(names = "--scope", defaultValue = "per-symbol", description = "One model per symbol, or one pooled model: per-symbol or pooled (default: ${DEFAULT-VALUE}).")
    String scope;
    @Option(names = "--pooled-model", defaultValue = "timegan-pooled", description = "Name of the pooled model (default: ${DEFAULT-VALUE}).")
    String pooledModel;
    @Option(names = "--retrain-interval", defaultValue = "10m", converter = DurationConverter.class, description = "Retrain a model this long after its last training started (default: ${DEFAULT-VALUE}).")
    Duration retrainInterval;
    @Option(names = "--retrain-every-bars", defaultValue = "600", description = "...or after this many new bars, whichever first (default: ${DEFAULT-VALUE}).")
    int retrainEveryBars;
    @Option(names = "--check-interval", defaultValue = "1s", converter = DurationConverter.class, description = "How often the schedule is checked (default: ${DEFAULT-VALUE}).")
    Duration checkInterval;

    // training
    @Option(names = "--features", defaultValue = "log-returns", description = "Model features: log-returns or levels (default: ${DEFAULT-VALUE}).")
    String features;
    @Option(names = "--steps", defaultValue = "24", description = "Window length in bars (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--hidden", defaultValue = "24", description = "Hidden units per layer (default: ${DEFAULT-VALUE}).")
    int hidden;
    @Option(names = "--layers", defaultValue = "3", description = "Recurrent layers per network (default: ${DEFAULT-VALUE}).")
    int layers;
    @Option(names = "--batch", defaultValue = "128", description = "Windows per batch (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--cell", defaultValue = "gru", description = "Recurrent cell: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RecurrentCell cell;
    @Option(names = "--recipe", paramLabel = "reference|tuned", defaultValue = "reference", description = "How the "
            + "joint phase trains: reference (the reference code's) or tuned (its learning rate doubled for the first "
            + "half, then decaying linearly to 0, and a weight average with decay 0.999; better at 10,000 iterations, "
            + "not shown better at 1,000) (default: ${DEFAULT-VALUE}).")
    TrainingRecipe recipe;
    @Option(names = "--cold-iterations", defaultValue = "1000", description = "Iterations per phase of a model's first training (default: ${DEFAULT-VALUE}).")
    int coldIterations;
    @Option(names = "--warm-iterations", defaultValue = "200", description = "Iterations per phase of a warm-started retrain (default: ${DEFAULT-VALUE}).")
    int warmIterations;
    @Option(names = "--seed", defaultValue = "42", description = "Seed of the first training; retrains use seed + version (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--workers", defaultValue = "1", description = "Trainings that may run at once (default: ${DEFAULT-VALUE}).")
    int workers;
    @Option(names = "--deadline", defaultValue = "10m", converter = DurationConverter.class, description = "Cancel a training running longer than this (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    // gate
    @Option(names = "--holdout", defaultValue = "0.2", description = "Most recent fraction of a window held out for the quality gate (default: ${DEFAULT-VALUE}).")
    double holdout;
    @Option(names = "--gate-disc-iterations", defaultValue = "300", description = "Gate classifier iterations (default: ${DEFAULT-VALUE}).")
    int gateDiscIterations;
    @Option(names = "--gate-pred-iterations", defaultValue = "500", description = "Gate predictor iterations (default: ${DEFAULT-VALUE}).")
    int gatePredIterations;
    @Option(names = "--gate-repeats", defaultValue = "2", description = "Gate metric repeats (default: ${DEFAULT-VALUE}).")
    int gateRepeats;
    @Option(names = "--gate-tolerance", defaultValue = "0.02", description = "A candidate may score this much worse than the current model and still be published (default: ${DEFAULT-VALUE}).")
    double gateTolerance;

    // service
    @Option(names = "--metrics-port", defaultValue = "9400", description = "Port of /metrics and /health, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int metricsPort;
    @Option(names = "--metrics-host", defaultValue = "0.0.0.0", description = "Address of /metrics and /health (default: ${DEFAULT-VALUE}).")
    String metricsHost;
    @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long. Default: until Ctrl-C.")
    Duration duration;

    /** Created by picocli. */
    public TrainerCommand() {
        // fields are injected
    }

    /**
     * Builds the trainer's settings from the flags.
     *
     * @return the validated config
     * @throws CommandLine.ParameterException naming the flag of the first bad value
     */
    TrainerConfig config() {
        CommandLine cl = spec.commandLine();
        try {
            return new TrainerConfig(applicationId, new TopicsConfig(ticksTopic, dlqTopic, modelsTopic),
                    new IngestConfig(parse("--input", input, IngestConfig.Input.class), format, barInterval, grace),
                    new WindowConfig(window, minBars),
                    new ScheduleConfig(parse("--scope", scope, ScheduleConfig.Scope.class), pooledModel,
                            retrainInterval, retrainEveryBars, checkInterval),
                    new TrainingConfig(feature(cl), steps, hidden, layers, batch, cell, coldIterations, warmIterations,
                            seed, workers, deadline, recipe),
                    new GateConfig(holdout, gateDiscIterations, gatePredIterations, gateRepeats, gateTolerance));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, FlagNames.of(e.getMessage()), e);
        }
    }

    private FeatureTransform feature(CommandLine cl) {
        try {
            return FeatureTransform.fromWireName(features.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--features must be log-returns or levels, was '" + features
                    + "'");
        }
    }

    private <E extends Enum<E>> E parse(String flag, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : " or ").append(c.name().toLowerCase(Locale.ROOT)
                        .replace('_', '-'));
            }
            throw new CommandLine.ParameterException(spec.commandLine(), flag + " must be " + allowed + ", was '"
                    + value + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        TrainerConfig config = config();
        if (partitions < 1) {
            throw new CommandLine.ParameterException(cl, "--partitions must be >= 1, was " + partitions);
        }
        if (streamThreads < 1) {
            throw new CommandLine.ParameterException(cl, "--stream-threads must be >= 1, was " + streamThreads);
        }
        if (metricsPort < 0 || metricsPort > 65535) {
            throw new CommandLine.ParameterException(cl, "--metrics-port must be 0..65535, was " + metricsPort);
        }
        KafkaConnection connection;
        try {
            connection = kafka.connection(root.config().kafkaProperties());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage(), e);
        }
        Topics.ensure(connection, config.topics().ticks(), partitions);
        Topics.ensure(connection, config.topics().dlq(), partitions);
        Topics.ensure(connection, config.topics().models(), 1, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(KafkaConnection.MAX_MODEL_RECORD_BYTES)));

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Clock clock = Clock.systemUTC();
        TrainerMetrics metrics = new TrainerMetrics(registry, clock);
        TrainerKafka clients = new TrainerKafka() {
            @Override
            public KafkaStreams streams(Topology topology) {
                return new KafkaStreams(topology, connection.streamsProperties(config.applicationId(), stateDir,
                        streamThreads));
            }

            @Override
            public Consumer<String, byte[]> modelReader() {
                return new KafkaConsumer<>(connection.readerProperties("tickforge-trainer-models"));
            }
        };
        PrintWriter out = cl.getOut();
        String version = TrainerCommand.class.getPackage().getImplementationVersion();
        try (StopSignal stop = new StopSignal("trainer");
             TrainerService service = TrainerService.create(config, clients, metrics, clock,
                     version == null ? "dev" : version, modelDir);
             MetricsServer server = MetricsServer.start(metricsHost, metricsPort, registry, () -> health(service))) {
            int recovered = service.start(Duration.ofSeconds(60));
            out.printf(Locale.ROOT, "Trainer %s reading %s on %s: %s bars, %s models, window %d bars (first training"
                            + " at %d), recovered %d model(s). Metrics on http://%s:%d/metrics%s.%n",
                    config.applicationId(), config.topics().ticks(), connection.bootstrap(),
                    DurationConverter.format(config.ingest().barInterval()),
                    config.schedule().scope().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    config.window().capacity(), config.window().minBars(), recovered, metricsHost, server.port(),
                    duration == null ? ", until Ctrl-C" : ", for " + DurationConverter.format(duration));
            out.flush();
            long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            Map<String, Long> announced = new HashMap<>();
            service.currentModels().forEach((name, m) -> announced.put(name, m.modelVersion()));
            while (!stop.isStopped() && System.nanoTime() < end) {
                announce(out, service.currentModels(), announced, config.topics().models());
                if (service.state() == KafkaStreams.State.ERROR || service.state() == KafkaStreams.State.NOT_RUNNING
                        && service.lastError() != null) {
                    out.println("Trainer stopped with an error: " + service.lastError());
                    return Tickforge.EXIT_FAILURE;
                }
                Thread.sleep(200);
            }
        }
        out.println("Trainer stopped.");
        out.flush();
        return 0;
    }

    private static void announce(PrintWriter out, Map<String, ModelMetadata> current, Map<String, Long> announced,
                                 String topic) {
        current.forEach((name, m) -> {
            if (!Long.valueOf(m.modelVersion()).equals(announced.get(name))) {
                announced.put(name, m.modelVersion());
                ModelMetadata.Scores s = m.scores();
                out.printf(Locale.ROOT, "Model %s v%d accepted (trained on %3$d bars; held-out"
                                + " discriminative %4$s, predictive %5$s), published to %6$s.%n", name, m.modelVersion(), m.dataWindow().rows(),
                        score(s.discriminative()), score(s.predictive()), topic);
                out.flush();
            }
        });
    }

    private static String score(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static Health health(TrainerService service) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("streams", service.state());
        details.put("recoveredModels", service.recovered());
        details.put("windows", service.windowSizes());
        if (service.lastError() != null) {
            details.put("lastError", service.lastError().toString());
        }
        return new Health(service.isUp(), service.state().name(), details);
    }
}

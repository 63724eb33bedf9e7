package io.tickforge.cli.produce;

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
import io.tickforge.cli.options.FlagNames;
import io.tickforge.cli.options.InstantConverter;
import io.tickforge.cli.options.KafkaOptions;
import io.tickforge.cli.publish.StopSignal;
import io.tickforge.producer.ProduceConfig;
import io.tickforge.producer.ProducerKafka;
import io.tickforge.producer.ProducerService;
import io.tickforge.producer.TopicsConfig;
import io.tickforge.producer.follow.ModelsConfig;
import io.tickforge.producer.metrics.ProducerMetrics;
import io.tickforge.producer.publish.PublishConfig;
import io.tickforge.producer.rate.RateConfig;
import io.tickforge.producer.synth.InstrumentNames;
import io.tickforge.producer.synth.OutputMode;
import io.tickforge.producer.synth.Pace;
import io.tickforge.producer.synth.SynthConfig;
import io.tickforge.producer.synth.TimeConfig;
import io.tickforge.schemas.codec.WireFormat;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.TopicConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;

/**
 * {@code tickforge produce}: runs the producer service until Ctrl-C, {@code --duration} or {@code --count}: follows
 * the model topic (and/or serves a model file), samples every served model as endless synthetic instruments and
 * publishes their ticks or bars at the {@code --rate} schedule; serves {@code /metrics} and {@code /health}.
 */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the producer: follows the model topic (hot-swapping new versions), samples each model as "
            + "endless synthetic instruments and publishes their ticks (or bars) in the input's schema, at a "
            + "controlled rate, with the headers tickforge.synthetic, tickforge.model.name, tickforge.model.version, "
            + "tickforge.stream.id and tickforge.stream.seq.",
            "Serves Prometheus metrics on /metrics and a probe on /health. Runs until Ctrl-C, --duration or --count."})
public final class ProduceCommand implements Callable<Integer> {
    private static final FlagNames FLAGS = new FlagNames(flags());
    private static final Duration POLL = Duration.ofMillis(100);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Tickforge root;

    @CommandLine.Mixin
    KafkaOptions kafka;

    // topics
    @Option(names = "--topic", defaultValue = TopicsConfig.OUTPUT, description = "Topic of the synthetic records (default: ${DEFAULT-VALUE}).")
    String topic;
    @Option(names = "--models-topic", defaultValue = TopicsConfig.MODELS, description = "Compacted model topic to follow (default: ${DEFAULT-VALUE}).")
    String modelsTopic;
    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of the synthetic topic if it has to be created (default: ${DEFAULT-VALUE}).")
    int partitions;

    // models
    @Option(names = "--model", paramLabel = "NAME", description = "Serve only this model from the model topic, e.g. timegan-SIM-XHJ (repeatable). Default: every model.")
    List<String> models = new ArrayList<>();
    @Option(names = "--model-file", paramLabel = "FILE", description = "A model file to serve from the start (a newer version on the model topic replaces it).")
    Path modelFile;
    @Option(names = "--follow", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Follow the model topic (default: ${DEFAULT-VALUE}); --no-follow serves --model-file alone.")
    boolean follow;

    // synthetic instruments
    @Option(names = "--instruments", defaultValue = "" + SynthConfig.DEFAULT_INSTRUMENTS, description = "Synthetic instruments per model (default: ${DEFAULT-VALUE}).")
    int instruments;
    @Option(names = "--name-pattern", defaultValue = InstrumentNames.DEFAULT_PATTERN, description = "Instrument names: {symbol} is the model's symbol, {index:04d} the instrument's number (default: ${DEFAULT-VALUE}).")
    String namePattern;
    @Option(names = "--first-index", defaultValue = "1", description = "Number of each model's first instrument; replicas take disjoint ranges (default: ${DEFAULT-VALUE}).")
    int firstIndex;
    @Option(names = "--output", defaultValue = "ticks", description = "What to publish: ticks or bars (default: ${DEFAULT-VALUE}).")
    String output;
    @Option(names = "--format", defaultValue = "json", description = "Wire format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    WireFormat format;
    @Option(names = "--ticks-per-bar", defaultValue = "" + SynthConfig.DEFAULT_TICKS_PER_BAR, description = "Ticks each synthetic bar becomes with --output ticks (default: ${DEFAULT-VALUE}).")
    int ticksPerBar;
    @Option(names = "--bar-interval", defaultValue = "1s", converter = DurationConverter.class, description = "Bar length when a model's data cannot tell it (default: ${DEFAULT-VALUE}).")
    Duration barInterval;
    @Option(names = "--start-price", defaultValue = "" + SynthConfig.DEFAULT_START_PRICE, description = "Price level instruments of log-return models start around (default: ${DEFAULT-VALUE}).")
    double startPrice;
    @Option(names = "--price-increment", defaultValue = "" + SynthConfig.DEFAULT_PRICE_INCREMENT, description = "Price grid: prices, bids, asks and bar prices are whole multiples of it, at least one (default: ${DEFAULT-VALUE}).")
    double priceIncrement;
    @Option(names = "--lot-size", defaultValue = "" + SynthConfig.DEFAULT_LOT_SIZE, description = "Sizes and volumes are whole multiples of it (default: ${DEFAULT-VALUE}).")
    double lotSize;
    @Option(names = "--seed", defaultValue = "" + SynthConfig.DEFAULT_SEED, description = "Seed of every random choice: the same seed and model give the same records (default: ${DEFAULT-VALUE}).")
    long seed;

    // time and rate
    @Option(names = "--pace", defaultValue = "realtime", description = "realtime (event time follows the clock) or max (event time runs as fast as records go) (default: ${DEFAULT-VALUE}).")
    String pace;
    @Option(names = "--start", converter = InstantConverter.class, description = "With --pace max: event time of the first record (2024-01-02T14:30:00Z, 2024-01-02 or epoch ms); a fixed start makes runs byte-identical. Default: now.")
    Instant start;
    @Option(names = "--rate", defaultValue = RateConfig.DEFAULT_SCHEDULE, description = "Records per second: 1000, max, ramp:100..5000/60s, steps:1000@0s,5000@30s or burst:1000+20000/1s@10s (default: ${DEFAULT-VALUE}).")
    String rate;

    // publishing
    @Option(names = "--max-in-flight", defaultValue = "" + PublishConfig.DEFAULT_MAX_IN_FLIGHT, description = "Most records handed to Kafka and not yet acknowledged; generation waits beyond it (default: ${DEFAULT-VALUE}).")
    int maxInFlight;
    @Option(names = "--close-timeout", defaultValue = "30s", converter = DurationConverter.class, description = "How long stopping may wait for Kafka to take what is in flight (default: ${DEFAULT-VALUE}).")
    Duration closeTimeout;
    @Option(names = "--compression", defaultValue = "lz4", description = "Batch compression: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Compression compression;

    // service
    @Option(names = "--metrics-port", defaultValue = "9401", description = "Port of /metrics and /health, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int metricsPort;
    @Option(names = "--metrics-host", defaultValue = "0.0.0.0", description = "Address of /metrics and /health (default: ${DEFAULT-VALUE}).")
    String metricsHost;
    @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long. Default: until Ctrl-C.")
    Duration duration;
    @Option(names = "--count", description = "Stop after exactly this many records (wins over --duration).")
    Long count;

    /** Created by picocli. */
    public ProduceCommand() {
        // fields are injected
    }

    private static Map<String, String> flags() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("topics.output", "--topic");
        f.put("topics.models", "--models-topic");
        f.put("models.names", "--model");
        f.put("models.modelFile", "--model-file");
        f.put("models.follow is false", "--no-follow is given");
        f.put("models.follow", "--follow");
        f.put("synth.instruments", "--instruments");
        f.put("synth.namePattern", "--name-pattern");
        f.put("synth.output", "--output");
        f.put("synth.format", "--format");
        f.put("synth.startPrice", "--start-price");
        f.put("synth.seed", "--seed");
        f.put("synth.barInterval", "--bar-interval");
        f.put("synth.ticksPerBar", "--ticks-per-bar");
        f.put("synth.firstIndex", "--first-index");
        f.put("synth.priceIncrement", "--price-increment");
        f.put("synth.lotSize", "--lot-size");
        f.put("time.pace", "--pace");
        f.put("time.start", "--start");
        f.put("publish.maxInFlight", "--max-in-flight");
        f.put("publish.closeTimeout", "--close-timeout");
        f.put("publish.maxRecords", "--count");
        return f;
    }

    /**
     * Builds the producer's settings from the flags.
     *
     * @return the validated config
     * @throws CommandLine.ParameterException naming the flag of the first bad value
     */
    ProduceConfig config() {
        CommandLine cl = spec.commandLine();
        RateConfig rateConfig;
        try {
            rateConfig = RateConfig.parse(rate);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            throw new CommandLine.ParameterException(cl, m.startsWith("rate ") ? "--" + m
                    : "--rate '" + rate + "': " + m, e);
        }
        try {
            return new ProduceConfig(new TopicsConfig(topic, modelsTopic),
                    new ModelsConfig(new LinkedHashSet<>(models), modelFile, follow),
                    new SynthConfig(instruments, namePattern, OutputMode.parse(output), format, startPrice, seed,
                            barInterval, ticksPerBar, firstIndex, priceIncrement, lotSize),
                    new TimeConfig(Pace.parse(pace), start), rateConfig,
                    new PublishConfig(maxInFlight, closeTimeout, count == null ? 0 : count));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, FLAGS.rewrite(e.getMessage()), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (count != null && count < 1) {
            throw new CommandLine.ParameterException(cl, "--count must be >= 1, was " + count);
        }
        ProduceConfig config = config();
        if (partitions < 1) {
            throw new CommandLine.ParameterException(cl, "--partitions must be >= 1, was " + partitions);
        }
        if (metricsPort < 0 || metricsPort > 65535) {
            throw new CommandLine.ParameterException(cl, "--metrics-port must be 0..65535, was " + metricsPort);
        }
        Path file = config.models().modelFile();
        if (file != null && !(Files.isRegularFile(file) && Files.isReadable(file))) {
            throw new CommandLine.ParameterException(cl, "--model-file must be a readable model file, was '" + file
                    + "' (" + (Files.exists(file) ? "not a readable file" : "no such file") + ")");
        }
        KafkaConnection connection;
        try {
            connection = kafka.connection(root.config().kafkaProperties());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage(), e);
        }
        Topics.ensure(connection, config.topics().output(), partitions);
        if (config.models().follow()) {
            // the trainer creates it the same way; whichever starts first
            Topics.ensure(connection, config.topics().models(), 1, Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(KafkaConnection.MAX_MODEL_RECORD_BYTES)));
        }

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Clock clock = Clock.systemUTC();
        ProducerMetrics metrics = new ProducerMetrics(registry, clock);
        KafkaProducer<String, byte[]> kafkaProducer = new KafkaProducer<>(connection.producerProperties(
                "tickforge-producer", compression));
        ProducerKafka clients = ProducerKafka.of(kafkaProducer,
                () -> new KafkaConsumer<>(connection.readerProperties("tickforge-producer-models")));
        PrintWriter out = cl.getOut();
        Summary summary;
        try (KafkaClientMetrics clientMetrics = new KafkaClientMetrics(kafkaProducer);
             StopSignal stop = new StopSignal("produce");
             ProducerService service = new ProducerService(config, clients, metrics, clock);
             MetricsServer server = MetricsServer.start(metricsHost, metricsPort, registry, () -> health(service))) {
            clientMetrics.bindTo(registry);
            try {
                service.start();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, FLAGS.rewrite(e.getMessage()), e);
            }
            out.printf(Locale.ROOT, "Producing synthetic %s to %s on %s: models %s, %d instruments per model (%s), %s,"
                            + " pace %s, rate %s, seed %d, %s compression%s. Metrics on http://%s:%d/metrics.%n",
                    config.synth().output().wireName(), config.topics().output(), connection.bootstrap(),
                    modelsText(config), config.synth().instruments(), config.synth().namePattern(),
                    config.synth().format().name().toLowerCase(Locale.ROOT), config.time().pace().wireName(),
                    config.rate().schedule().text(), config.synth().seed(), compression.kafkaName(),
                    count != null ? ", " + count + " records" : duration != null ? ", for "
                            + DurationConverter.format(duration) : ", until Ctrl-C", metricsHost, server.port());
            out.flush();
            summary = run(service, stop, out);
        }
        out.printf(Locale.ROOT, "Sent %d synthetic records to %s: %d acknowledged, %d failed%s, in %.1f s (%.1f "
                        + "records/s achieved); models served %s.%n", summary.acked + summary.failed,
                config.topics().output(), summary.acked, summary.failed,
                summary.failed == 0 ? "" : " " + summary.byError, summary.seconds, summary.rate(), summary.models);
        out.flush();
        return summary.serviceFailed || summary.failed > 0 ? Tickforge.EXIT_FAILURE : 0;
    }

    /** Waits for the end of the run (Ctrl-C, the duration, the count, a failure), then closes the service. */
    private Summary run(ProducerService service, StopSignal stop, PrintWriter out)
            throws InterruptedException {
        long end = duration == null || count != null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        long runningSince = -1;
        SortedMap<String, Long> served = service.currentModels();
        boolean serviceFailed = false;
        while (!stop.isStopped() && System.nanoTime() < end) {
            Thread.sleep(POLL.toMillis());
            ProducerService.Status status = service.state();
            if (status == ProducerService.Status.FAILED) {
                out.println("The producer stopped with an error; see the log.");
                serviceFailed = true;
                break;
            }
            if (runningSince < 0 && status == ProducerService.Status.RUNNING) {
                runningSince = System.nanoTime();
            }
            SortedMap<String, Long> now = service.currentModels();
            if (!now.equals(served)) {
                for (Map.Entry<String, Long> model : now.entrySet()) {
                    if (!model.getValue().equals(served.get(model.getKey()))) {
                        out.printf(Locale.ROOT, "Serving %s v%d.%n", model.getKey(), model.getValue());
                    }
                }
                out.flush();
                served = now;
            }
            if (status == ProducerService.Status.COMPLETED) {
                break;
            }
        }
        if (runningSince < 0) {
            // never seen running: it waited throughout, or finished its --count within one poll
            runningSince = started;
        }
        service.close();
        double seconds = (System.nanoTime() - runningSince) / 1e9;
        return new Summary(service.sent(), service.failed(), String.valueOf(service.failuresByError()), seconds,
                service.currentModels(), serviceFailed);
    }

    private static String modelsText(ProduceConfig config) {
        StringBuilder s = new StringBuilder();
        if (config.models().follow()) {
            s.append(config.models().names().isEmpty() ? "all" : String.join(", ", config.models().names()))
                    .append(" from ").append(config.topics().models());
        }
        if (config.models().modelFile() != null) {
            s.append(s.length() == 0 ? "" : " and ").append("file ").append(config.models().modelFile());
        }
        return s.toString();
    }

    private static Health health(ProducerService service) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("models", service.currentModels());
        details.put("acknowledged", service.sent());
        details.put("failed", service.failed());
        return new Health(service.isUp(), service.status(), details);
    }

    /** What the run did, for the closing line. */
    private record Summary(long acked, long failed, String byError, double seconds, Map<String, Long> models,
                           boolean serviceFailed) {
        double rate() {
            return seconds <= 0 ? 0 : acked / seconds;
        }
    }
}

package io.tickforge.cli.demo;

import io.tickforge.producer.ProduceConfig;
import io.tickforge.producer.rate.RateConfig;
import io.tickforge.schemas.codec.WireFormat;
import io.tickforge.timegan.features.FeatureTransform;
import io.tickforge.timegan.nn.RecurrentCell;
import io.tickforge.trainer.TopicsConfig;
import io.tickforge.trainer.TrainerConfig;
import io.tickforge.trainer.gate.GateConfig;
import io.tickforge.trainer.ingest.IngestConfig;
import io.tickforge.trainer.retrain.ScheduleConfig;
import io.tickforge.trainer.retrain.TrainingConfig;
import io.tickforge.trainer.window.WindowConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code tickforge demo} runs. Messages name the flag that sets the field.
 *
 * <p>The trainer is demo-sized, so that the first model arrives within a minute or two on two cores: 100 ms bars
 * (ten a second per symbol), training from {@value #MIN_BARS} bars (20 s of market), small networks ({@value #HIDDEN}
 * hidden units, 2 layers) and {@value #COLD_ITERATIONS} iterations per phase. These models are for showing the
 * pipeline, not for fidelity; {@code tickforge trainer} has the full-size defaults.
 *
 * @param port                the broker's client port, 0 for a free one
 * @param dataDir             the directory of the broker's data and the trainer's state; null for a fresh
 *                            temporary directory (deleted after a clean run)
 * @param symbols             simulated instruments, 1 to {@value #MAX_SYMBOLS}
 * @param tickRate            simulated ticks per second across all symbols, in (0, {@value #MAX_TICK_RATE}]
 * @param syntheticRate       the producer's rate schedule, e.g. {@code 1000} records per second at most
 * @param seed                the seed of the simulator, the trainings and the synthetic streams
 * @param duration            how long to run, or null for until Ctrl-C
 * @param trainerMetricsPort  port of the trainer's {@code /metrics} and {@code /health}, 0 for a free one
 * @param producerMetricsPort port of the producer's {@code /metrics} and {@code /health}, 0 for a free one
 * @param show                how many synthetic records to print as they arrive, 0 to {@value #MAX_SHOW}
 * @param untilSynthetic      stop once this many synthetic records have been read back, 0 for no such limit
 */
public record DemoConfig(int port, Path dataDir, int symbols, double tickRate, String syntheticRate, long seed,
                         Duration duration, int trainerMetricsPort, int producerMetricsPort, int show,
                         long untilSynthetic) {

    /** Most simulated symbols the demo runs (each gets its own model, trained one after another). */
    public static final int MAX_SYMBOLS = 20;
    /** Highest tick rate the demo accepts. */
    public static final double MAX_TICK_RATE = 20_000;
    /** Most synthetic records printed. */
    public static final int MAX_SHOW = 100;
    /** Bars a symbol's window needs before its first training. */
    public static final int MIN_BARS = 200;
    /** The synthetic topic the demo's producer writes. */
    public static final String SYNTHETIC_TOPIC = "synthetic.ticks";
    /** Synthetic instruments per model. */
    public static final int INSTRUMENTS = 2;
    /** Hidden units of the demo's networks. */
    public static final int HIDDEN = 12;
    /** Iterations per phase of a first training. */
    public static final int COLD_ITERATIONS = 300;

    /** Validates every field; messages name the flag and the value. */
    public DemoConfig {
        port("--port", port);
        port("--trainer-metrics-port", trainerMetricsPort);
        port("--producer-metrics-port", producerMetricsPort);
        if (trainerMetricsPort != 0 && trainerMetricsPort == producerMetricsPort) {
            throw new IllegalArgumentException("--producer-metrics-port must differ from --trainer-metrics-port, both"
                    + " were " + producerMetricsPort);
        }
        if (symbols < 1 || symbols > MAX_SYMBOLS) {
            throw new IllegalArgumentException("--symbols must be between 1 and " + MAX_SYMBOLS + ", was " + symbols);
        }
        if (!(tickRate > 0 && tickRate <= MAX_TICK_RATE)) {
            throw new IllegalArgumentException("--rate must be a number of ticks per second in (0, "
                    + (long) MAX_TICK_RATE + "], was " + tickRate);
        }
        if (syntheticRate == null || syntheticRate.isBlank()) {
            throw new IllegalArgumentException("--producer-rate must not be blank, was '" + syntheticRate + "'");
        }
        rate(syntheticRate);
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("--duration must be positive, was " + duration);
        }
        if (show < 0 || show > MAX_SHOW) {
            throw new IllegalArgumentException("--show must be between 0 and " + MAX_SHOW + ", was " + show);
        }
        if (untilSynthetic < 0) {
            throw new IllegalArgumentException("--until-synthetic must be >= 0, was " + untilSynthetic);
        }
    }

    private static void port(String flag, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(flag + " must be between 0 and 65535, was " + value);
        }
    }

    /**
     * The demo-sized trainer: per-symbol models on 100 ms bars of {@code market.ticks}, first trained at
     * {@value #MIN_BARS} bars, retrained every 600 new bars (a minute) or 5 minutes, small networks, a lenient gate.
     *
     * @return the trainer's config
     */
    public TrainerConfig trainer() {
        return new TrainerConfig("tickforge-demo-trainer", TopicsConfig.defaults(),
                new IngestConfig(IngestConfig.Input.TICKS, WireFormat.JSON, Duration.ofMillis(100),
                        Duration.ofMillis(300)),
                new WindowConfig(600, MIN_BARS),
                new ScheduleConfig(ScheduleConfig.Scope.PER_SYMBOL, "timegan-pooled", Duration.ofMinutes(5), 600,
                        Duration.ofSeconds(1)),
                new TrainingConfig(FeatureTransform.LOG_RETURNS, 24, HIDDEN, 2, 32, RecurrentCell.GRU, COLD_ITERATIONS,
                        100, seed, 1, Duration.ofMinutes(5)),
                new GateConfig(0.2, 100, 100, 1, 0.1));
    }

    /**
     * The demo's producer: follows every model on {@code tickforge.models}, {@value #INSTRUMENTS} synthetic
     * instruments per model, ticks in JSON to {@value #SYNTHETIC_TOPIC} in realtime pace, at most
     * {@code syntheticRate}.
     *
     * @return the producer's config
     */
    public ProduceConfig producer() {
        ProduceConfig defaults = ProduceConfig.defaults();
        return defaults.withTopics(new io.tickforge.producer.TopicsConfig(SYNTHETIC_TOPIC, TopicsConfig.MODELS))
                .withSynth(defaults.synth().withInstruments(INSTRUMENTS).withSeed(seed))
                .withRate(rate(syntheticRate));
    }

    private static RateConfig rate(String text) {
        try {
            return RateConfig.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--producer-rate '" + text + "' is not a rate schedule: "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param fallback the directory to use when none was given
     * @return this config with {@code dataDir} set
     */
    public DemoConfig withDataDir(Path fallback) {
        return new DemoConfig(port, Objects.requireNonNull(fallback, "fallback"), symbols, tickRate, syntheticRate,
                seed, duration, trainerMetricsPort, producerMetricsPort, show, untilSynthetic);
    }
}

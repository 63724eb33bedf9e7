package io.tickforge.trainer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.trainer.ingest.DeadLetterReason;
import io.tickforge.trainer.retrain.TrainingOutcome;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The trainer's meters, in one place. Every name is {@code tickforge.trainer.<thing>}; times and ages are in seconds
 * and sizes in bytes, while counts carry their noun in the name (so Prometheus shows
 * {@code tickforge_trainer_bars_closed_total}, not {@code ..._bars_closed_bars_total}); every tag is bounded: {@code symbol} and {@code model} by the instruments traded,
 * {@code reason}, {@code outcome}, {@code metric} and {@code loss} by enums. Thread-safe: stream threads and
 * training workers record concurrently.
 *
 * <p>Counters whose tag values are known in advance exist from the start at zero, not from their first event: every
 * dead-letter and drop reason when the catalogue is created, every outcome and failure reason of a model when its
 * first training starts. A series that appears already at 1 hides its first increment from {@code rate()} and
 * {@code increase()}, so an alert on it would miss the first dead letter or the first failed training.
 */
public final class TrainerMetrics {

    /** Prefix of every meter name. */
    public static final String PREFIX = "tickforge.trainer.";

    /** {@code records.dropped} reason: a bar not newer than its window's latest bar (replayed or out of order). */
    public static final String DROPPED_OUT_OF_ORDER = "out-of-order";
    /** {@code records.dropped} reason: a tick whose size would make its bar's volume overflow to infinity. */
    public static final String DROPPED_VOLUME_OVERFLOW = "volume-overflow";

    /** The outcome of a training, a metric tag. */
    public enum Outcome {
        /** Passed the gate and published. */
        ACCEPTED,
        /** Trained, but the gate kept the current model. */
        REJECTED,
        /** No candidate: cancelled at its deadline, diverged, or an error. */
        FAILED;

        /** @return the tag value */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter recordsIn;
    private final Counter lateTicks;
    private final AtomicInteger running = new AtomicInteger();
    private final Map<String, Counter> barsClosed = new ConcurrentHashMap<>();
    private final Map<String, Counter> dlq = new ConcurrentHashMap<>();
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    private final Map<String, double[]> gauges = new ConcurrentHashMap<>();
    private final Map<String, Boolean> modelsSeen = new ConcurrentHashMap<>();
    private final Counter recoveryFailures;
    private final Counter threadsReplaced;
    private final Counter modelFileFailures;

    /**
     * @param registry where the meters live
     * @param clock    the clock model ages are measured against
     */
    public TrainerMetrics(MeterRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recordsIn = Counter.builder(PREFIX + "records.in")
                .description("Input records (ticks or bars) read from the tick topic, valid or not").register(registry);
        this.lateTicks = Counter.builder(PREFIX + "ticks.late")
                .description("Ticks that arrived after their bar had closed (later than the grace period); dropped").register(registry);
        Gauge.builder(PREFIX + "retrain.running", running, AtomicInteger::get)
                .description("Trainings running or queued on the worker pool").register(registry);
        this.recoveryFailures = Counter.builder(PREFIX + "models.recovery.failures")
                .description("Model records on the model topic that could not be loaded on start (bad checkpoint)")
                .register(registry);
        this.threadsReplaced = Counter.builder(PREFIX + "stream.threads.replaced")
                .description("Stream threads that failed with an exception and were replaced").register(registry);
        this.modelFileFailures = Counter.builder(PREFIX + "model.file.failures")
                .description("Accepted models that could not be written to the model directory; still published")
                .register(registry);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            dlqCounter(reason.tag());
        }
        droppedCounter(DROPPED_OUT_OF_ORDER);
        droppedCounter(DROPPED_VOLUME_OVERFLOW);
    }

    /** @return the registry the meters are in */
    public MeterRegistry registry() {
        return registry;
    }

    /** Counts one input record. */
    public void recordIn() {
        recordsIn.increment();
    }

    /** Counts one late tick. */
    public void lateTick() {
        lateTicks.increment();
    }

    /**
     * Counts a closed bar.
     *
     * @param symbol its symbol
     */
    public void barClosed(String symbol) {
        barsClosed.computeIfAbsent(symbol, s -> Counter.builder(PREFIX + "bars.closed")
                .description("Bars closed (ticks aggregated, or bars read) and appended to a window")
                .tag("symbol", s).register(registry)).increment();
    }

    /**
     * Counts a record sent to the dead-letter topic.
     *
     * @param reason the reason header's value, from a bounded set
     */
    public void deadLettered(String reason) {
        dlqCounter(reason).increment();
    }

    private Counter dlqCounter(String reason) {
        return dlq.computeIfAbsent(reason, r -> Counter.builder(PREFIX + "dlq.records")
                .description("Input records sent to the dead-letter topic, by reason")
                .tag("reason", r).register(registry));
    }

    /**
     * Counts a valid input record (a tick or a bar) that was dropped after decoding for a reason other than being
     * late, e.g. a bar not newer than its window's latest bar (replayed or out of order).
     *
     * @param reason why, from a bounded set ({@link #DROPPED_OUT_OF_ORDER}, {@link #DROPPED_VOLUME_OVERFLOW})
     */
    public void recordDropped(String reason) {
        droppedCounter(reason).increment();
    }

    private Counter droppedCounter(String reason) {
        return dropped.computeIfAbsent(reason, r -> Counter.builder(PREFIX + "records.dropped")
                .description("Valid input records (ticks or bars) dropped after decoding, by reason; late ticks are"
                        + " counted by ticks.late instead")
                .tag("reason", r).register(registry));
    }

    /**
     * Sets a symbol's window fill.
     *
     * @param symbol   the symbol
     * @param bars     bars in its window
     * @param capacity the window's capacity
     */
    public void windowFill(String symbol, int bars, int capacity) {
        gauge("window.bars", "Bars in the symbol's rolling window", null, "symbol", symbol)[0] = bars;
        gauge("window.fill", "Fraction of the symbol's rolling window that is filled, 0 to 1", null, "symbol",
                symbol)[0] = capacity == 0 ? 0 : (double) bars / capacity;
    }

    /**
     * A training was started on the pool. The model's first start registers its duration timer for every outcome
     * and its failure counter for every reason, at zero.
     *
     * @param model the model being trained
     */
    public void trainingStarted(String model) {
        running.incrementAndGet();
        modelsSeen.computeIfAbsent(model, m -> {
            for (Outcome outcome : Outcome.values()) {
                durationTimer(m, outcome);
            }
            for (TrainingOutcome.Reason reason : TrainingOutcome.Reason.values()) {
                failureCounter(m, reason.tag());
            }
            return Boolean.TRUE;
        });
    }

    /**
     * A training ended.
     *
     * @param model    the model
     * @param outcome  how
     * @param duration from request to outcome
     */
    public void trainingEnded(String model, Outcome outcome, Duration duration) {
        running.decrementAndGet();
        durationTimer(model, outcome).record(duration);
    }

    private Timer durationTimer(String model, Outcome outcome) {
        return Timer.builder(PREFIX + "retrain.duration")
                .description("Wall time of a training, from request to outcome (gate included)")
                .tag("model", model).tag("outcome", outcome.tag()).register(registry);
    }

    /**
     * Counts a failed training by reason.
     *
     * @param model  the model
     * @param reason the reason tag
     */
    public void trainingFailed(String model, String reason) {
        failureCounter(model, reason).increment();
    }

    private Counter failureCounter(String model, String reason) {
        return Counter.builder(PREFIX + "retrain.failures")
                .description("Trainings that produced no candidate, by reason (deadline, diverged, data, error)")
                .tag("model", model).tag("reason", reason).register(registry);
    }

    /**
     * Records the current model of a name: its version, creation time and scores.
     *
     * @param metadata the current model's metadata
     */
    public void currentModel(ModelMetadata metadata) {
        String model = metadata.modelName();
        gauge("model.version", "Version of the current (last accepted) model", null, "model", model)[0] =
                metadata.modelVersion();
        double[] created = gauge("model.created", "Creation time of the current model, epoch seconds", "seconds",
                "model", model);
        created[0] = metadata.createdAt() / 1000.0;
        gaugeFn("model.age", "Age of the current model", "seconds", "model", model,
                () -> Math.max(0, clock.millis() / 1000.0 - created[0]));
        ModelMetadata.Scores s = metadata.scores();
        score(model, "discriminative", s.discriminative());
        score(model, "predictive", s.predictive());
    }

    /**
     * Records the size of a checkpoint the trainer accepted (and will publish).
     *
     * @param model the model
     * @param bytes the checkpoint's size in bytes
     */
    public void checkpointSize(String model, long bytes) {
        DistributionSummary.builder(PREFIX + "checkpoint.size")
                .description("Size of accepted checkpoints, as published to the model topic")
                .baseUnit("bytes").tag("model", model).register(registry).record(bytes);
    }

    /**
     * Records the last losses of a model's training.
     *
     * @param model the model
     * @param loss  the loss's name, from a bounded set (e.g. {@code reconstruction}, {@code discriminator})
     * @param value its last value
     */
    public void lastLoss(String model, String loss, double value) {
        double[] g = gauges.computeIfAbsent("loss|" + model + "|" + loss, k -> {
            double[] holder = {Double.NaN};
            Gauge.builder(PREFIX + "training.loss", holder, h -> h[0])
                    .description("Last value of a training loss of the model's latest training")
                    .tag("model", model).tag("loss", loss).register(registry);
            return holder;
        });
        g[0] = value;
    }

    private void score(String model, String metric, Double value) {
        double[] g = gauges.computeIfAbsent("score|" + model + "|" + metric, k -> {
            double[] holder = {Double.NaN};
            Gauge.builder(PREFIX + "model.score", holder, h -> h[0])
                    .description("Held-out quality score of the current model (lower is better); NaN when not"
                            + " measured")
                    .tag("model", model).tag("metric", metric).register(registry);
            return holder;
        });
        g[0] = value == null ? Double.NaN : value;
    }

    private double[] gauge(String name, String description, String unit, String tag, String value) {
        return gauges.computeIfAbsent(name + "|" + value, k -> {
            double[] holder = {0};
            Gauge.Builder<double[]> b = Gauge.builder(PREFIX + name, holder, h -> h[0]).description(description)
                    .tag(tag, value);
            if (unit != null) {
                b.baseUnit(unit);
            }
            b.register(registry);
            return holder;
        });
    }

    private void gaugeFn(String name, String description, String unit, String tag, String value,
                         java.util.function.DoubleSupplier f) {
        gauges.computeIfAbsent(name + "|" + value, k -> {
            Gauge.builder(PREFIX + name, f, java.util.function.DoubleSupplier::getAsDouble).description(description)
                    .baseUnit(unit).tag(tag, value).strongReference(true).register(registry);
            return new double[0];
        });
    }

    /** Counts a model record on the model topic that could not be recovered on start. */
    public void recoveryFailed() {
        recoveryFailures.increment();
    }

    /** Counts a stream thread that died with an exception and was replaced. */
    public void streamThreadReplaced() {
        threadsReplaced.increment();
    }

    /** Counts an accepted model that could not be written to the model directory (it is still published). */
    public void modelFileFailed() {
        modelFileFailures.increment();
    }
}

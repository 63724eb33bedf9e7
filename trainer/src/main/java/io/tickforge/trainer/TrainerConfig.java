package io.tickforge.trainer;

import io.tickforge.trainer.gate.GateConfig;
import io.tickforge.trainer.ingest.IngestConfig;
import io.tickforge.trainer.retrain.ScheduleConfig;
import io.tickforge.trainer.retrain.TrainingConfig;
import io.tickforge.trainer.window.WindowConfig;

import java.util.Objects;

/**
 * Everything the trainer's topology and retraining depend on, one record per concern. The topology is a pure
 * function of this record (see {@code TrainerTopology}); Kafka client settings are not in here, they are built in
 * one place by the CLI.
 *
 * @param applicationId the Kafka Streams application id, which also prefixes the state stores' changelog topics
 * @param topics        the topics read and written
 * @param ingest        how ticks are read and turned into bars
 * @param window        the rolling window of bars per symbol
 * @param schedule      when models are (re)trained, and whether per symbol or pooled
 * @param training      how a model is trained
 * @param gate          how a candidate is judged against the current model
 */
public record TrainerConfig(String applicationId, TopicsConfig topics, IngestConfig ingest, WindowConfig window,
                            ScheduleConfig schedule, TrainingConfig training, GateConfig gate) {

    /** The fewest windows the gate scores a model on. */
    public static final int MIN_HELD_OUT_WINDOWS = 10;

    /** The default Streams application id. */
    public static final String DEFAULT_APPLICATION_ID = "tickforge-trainer";

    /** Validates every field; messages name it. */
    public TrainerConfig {
        if (applicationId == null || applicationId.isBlank() || !applicationId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("applicationId must be non-blank letters, digits, '.', '_' or '-', got "
                    + applicationId);
        }
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(gate, "gate");
        int needed = minimumBars(training, gate);
        if (window.minBars() < needed) {
            throw new IllegalArgumentException("window.minBars must be at least " + needed + " for training.steps "
                    + training.steps() + ", training.batch " + training.batch() + " and gate.holdoutFraction "
                    + gate.holdoutFraction() + ", got " + window.minBars());
        }
    }

    /**
     * The fewest bars a window must hold to train and gate a model: after the held-out slice, one batch of windows
     * plus the bar a feature transform may consume; the held-out slice itself at least {@link #MIN_HELD_OUT_WINDOWS}
     * windows.
     *
     * @param training the training settings
     * @param gate     the gate settings
     * @return the minimum number of bars
     */
    public static int minimumBars(TrainingConfig training, GateConfig gate) {
        int trainBars = training.steps() + training.batch();
        int heldOutBars = training.steps() + MIN_HELD_OUT_WINDOWS;
        int forTraining = (int) Math.ceil(trainBars / (1 - gate.holdoutFraction()));
        int forHeldOut = (int) Math.ceil(heldOutBars / gate.holdoutFraction());
        return Math.max(forTraining, forHeldOut);
    }

    /** @return the defaults: 1 s bars from {@code market.ticks}, per-symbol models, see each record's defaults */
    public static TrainerConfig defaults() {
        return new TrainerConfig(DEFAULT_APPLICATION_ID, TopicsConfig.defaults(), IngestConfig.defaults(),
                WindowConfig.defaults(), ScheduleConfig.defaults(), TrainingConfig.defaults(), GateConfig.defaults());
    }
}

package io.tickforge.cli.trainer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rewrites the trainer config records' field names (e.g. {@code window.minBars}) into the flags that set them
 * (e.g. {@code --min-bars}), so a validation message names what the user typed.
 */
final class FlagNames {
    private static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        FLAGS.put("applicationId", "--application-id");
        FLAGS.put("topics.ticks", "--topic");
        FLAGS.put("topics.dlq", "--dlq-topic");
        FLAGS.put("topics.models", "--models-topic");
        FLAGS.put("topics.ticks, topics.dlq and topics.models", "--topic, --dlq-topic and --models-topic");
        FLAGS.put("ingest.barInterval", "--bar-interval");
        FLAGS.put("ingest.grace", "--grace");
        FLAGS.put("window.capacity", "--window");
        FLAGS.put("window.minBars", "--min-bars");
        FLAGS.put("schedule.pooledModelName", "--pooled-model");
        FLAGS.put("schedule.retrainInterval", "--retrain-interval");
        FLAGS.put("schedule.retrainEveryBars", "--retrain-every-bars");
        FLAGS.put("schedule.checkInterval", "--check-interval");
        FLAGS.put("training.steps", "--steps");
        FLAGS.put("training.hidden", "--hidden");
        FLAGS.put("training.layers", "--layers");
        FLAGS.put("training.batch", "--batch");
        FLAGS.put("training.coldIterations", "--cold-iterations");
        FLAGS.put("training.warmIterations", "--warm-iterations");
        FLAGS.put("training.workers", "--workers");
        FLAGS.put("training.deadline", "--deadline");
        FLAGS.put("gate.holdoutFraction", "--holdout");
        FLAGS.put("gate.discriminativeIterations", "--gate-disc-iterations");
        FLAGS.put("gate.predictiveIterations", "--gate-pred-iterations");
        FLAGS.put("gate.repeats", "--gate-repeats");
        FLAGS.put("gate.tolerance", "--gate-tolerance");
    }

    private static final io.tickforge.cli.options.FlagNames NAMES = new io.tickforge.cli.options.FlagNames(FLAGS);

    private FlagNames() {
    }

    /**
     * @param message a config record's validation message
     * @return the message with field names replaced by flags (longest names first)
     */
    static String of(String message) {
        return NAMES.rewrite(message);
    }
}

package io.tickforge.producer;

/**
 * The topics the producer writes and reads.
 *
 * @param output the synthetic records' topic, keyed by instrument name (default {@value #OUTPUT})
 * @param models the compacted model topic the trainer publishes to: key = model name, value = checkpoint bytes
 *               (default {@value #MODELS})
 */
public record TopicsConfig(String output, String models) {

    /** Default output topic. */
    public static final String OUTPUT = "synthetic.ticks";
    /** Default model topic. */
    public static final String MODELS = "tickforge.models";

    /** Validates every field; messages name it ({@code topics.*}) and the value. */
    public TopicsConfig {
        check("topics.output", output);
        check("topics.models", models);
        if (output.equals(models)) {
            throw new IllegalArgumentException("topics.output must differ from topics.models, got " + output);
        }
    }

    /** @return {@code synthetic.ticks} and {@code tickforge.models} */
    public static TopicsConfig defaults() {
        return new TopicsConfig(OUTPUT, MODELS);
    }

    /**
     * @param value the output topic
     * @return a copy with it
     */
    public TopicsConfig withOutput(String value) {
        return new TopicsConfig(value, models);
    }

    /**
     * @param value the model topic
     * @return a copy with it
     */
    public TopicsConfig withModels(String value) {
        return new TopicsConfig(output, value);
    }

    private static void check(String field, String topic) {
        if (topic == null || topic.isEmpty() || topic.length() > 249 || !topic.matches("[A-Za-z0-9._-]+")
                || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException(field + " must be a Kafka topic name (1 to 249 letters, digits, '.',"
                    + " '_', '-'), got " + topic);
        }
    }
}

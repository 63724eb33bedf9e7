package io.tickforge.trainer;

/**
 * The topics the trainer reads and writes.
 *
 * @param ticks  the input: {@code Tick} (or {@code Bar}) records keyed by symbol
 * @param dlq    where records that cannot be read go, with their original bytes and a reason header
 * @param models the compacted model topic: key = model name, value = checkpoint bytes
 */
public record TopicsConfig(String ticks, String dlq, String models) {

    /** Default input topic. */
    public static final String TICKS = "market.ticks";
    /** Default dead-letter topic. */
    public static final String DLQ = "market.ticks.dlq";
    /** Default model topic. */
    public static final String MODELS = "tickforge.models";

    /** Validates every field; messages name it. */
    public TopicsConfig {
        check("topics.ticks", ticks);
        check("topics.dlq", dlq);
        check("topics.models", models);
        if (ticks.equals(dlq) || ticks.equals(models) || dlq.equals(models)) {
            throw new IllegalArgumentException("topics.ticks, topics.dlq and topics.models must differ, got "
                    + ticks + ", " + dlq + ", " + models);
        }
    }

    /** @return {@code market.ticks}, {@code market.ticks.dlq}, {@code tickforge.models} */
    public static TopicsConfig defaults() {
        return new TopicsConfig(TICKS, DLQ, MODELS);
    }

    private static void check(String field, String topic) {
        if (topic == null || topic.isEmpty() || topic.length() > 249 || !topic.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(field + " must be a Kafka topic name (letters, digits, '.', '_', '-'),"
                    + " got " + topic);
        }
    }
}

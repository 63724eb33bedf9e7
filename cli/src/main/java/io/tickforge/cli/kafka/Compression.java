package io.tickforge.cli.kafka;

import java.util.Locale;

/**
 * A producer's batch compression, as {@code --compression} takes it: Kafka's {@code compression.type} values. Kept
 * as tickforge's own enum so that the flag's values do not depend on a Kafka-internal class.
 */
public enum Compression {
    /** No compression (Kafka's default). */
    NONE,
    /** gzip: smallest batches, most CPU. */
    GZIP,
    /** Snappy. */
    SNAPPY,
    /** LZ4: fast, a good default for high rates. */
    LZ4,
    /** Zstandard. */
    ZSTD;

    /** @return the value of Kafka's {@code compression.type}, e.g. {@code lz4} */
    public String kafkaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.tickforge.producer.synth;

import java.util.Locale;

/** What the producer publishes for each synthetic bar. */
public enum OutputMode {
    /** One {@link io.tickforge.schemas.Bar} record per bar. */
    BARS,
    /**
     * The bar expanded into {@link io.tickforge.schemas.Tick} records consistent with it: the first at the open, the
     * last at the close, touching the high and the low, sizes summing to the volume; the schema of the input topic.
     */
    TICKS;

    /**
     * @param text {@code bars} or {@code ticks}, any case
     * @return the mode
     * @throws IllegalArgumentException naming {@code synth.output} and the value otherwise
     */
    public static OutputMode parse(String text) {
        for (OutputMode m : values()) {
            if (m.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("synth.output must be bars or ticks, got " + text);
    }

    /** @return the lower-case name */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

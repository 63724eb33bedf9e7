package io.tickforge.producer.synth;

import java.util.Locale;

/**
 * How event time relates to the wall clock. Event timestamps always advance by the model's bar interval per bar
 * (ticks are spread inside their bar); the pace says where they start and whether they may run ahead.
 */
public enum Pace {
    /**
     * Event time tracks the wall clock: it starts at now (aligned down to the bar interval) and a record is never
     * sent before its event time (a tick at its timestamp, a bar when it closes). The rate schedule is then an
     * upper bound: the actual rate is at most the natural rate of the feed, instruments times records per bar per
     * bar interval. A stand-in for a live feed.
     */
    REALTIME,
    /**
     * Event time starts at a configured instant (or now) and advances as fast as records are sent; only the rate
     * schedule sets the pace. For load tests and reproducible runs.
     */
    MAX;

    /**
     * @param text {@code realtime} or {@code max}, any case
     * @return the pace
     * @throws IllegalArgumentException naming {@code time.pace} and the value otherwise
     */
    public static Pace parse(String text) {
        for (Pace p : values()) {
            if (p.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("time.pace must be realtime or max, got " + text);
    }

    /** @return the lower-case name */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.tickforge.producer.synth;

import java.time.Instant;
import java.util.Objects;

/**
 * Event time of the synthetic records.
 *
 * @param pace  {@link Pace#REALTIME} (event time tracks the wall clock) or {@link Pace#MAX} (event time runs as fast
 *              as records are sent)
 * @param start where event time starts in {@link Pace#MAX}: a fixed instant makes runs byte-identical; {@code null}
 *              is the wall clock when the first model is served. Must be {@code null} in {@link Pace#REALTIME},
 *              which always starts at now. Between 1970-01-02 and 2200-01-01 (what a tick's timestamp allows).
 */
public record TimeConfig(Pace pace, Instant start) {

    private static final Instant EARLIEST = Instant.parse("1970-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    /** Validates; messages name {@code time.pace} and {@code time.start}. */
    public TimeConfig {
        Objects.requireNonNull(pace, "time.pace must not be null");
        if (start != null) {
            if (pace == Pace.REALTIME) {
                throw new IllegalArgumentException("time.start must not be set with time.pace realtime (event time"
                        + " starts at now), got " + start);
            }
            if (start.isBefore(EARLIEST) || !start.isBefore(LATEST)) {
                throw new IllegalArgumentException("time.start must be from " + EARLIEST + " to before " + LATEST
                        + ", got " + start);
            }
        }
    }

    /** @return realtime pace, starting at now */
    public static TimeConfig defaults() {
        return new TimeConfig(Pace.REALTIME, null);
    }

    /**
     * @param start where event time starts, or null for now
     * @return max pace from {@code start}
     */
    public static TimeConfig max(Instant start) {
        return new TimeConfig(Pace.MAX, start);
    }
}

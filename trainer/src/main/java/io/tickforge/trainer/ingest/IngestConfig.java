package io.tickforge.trainer.ingest;

import io.tickforge.schemas.codec.WireFormat;

import java.time.Duration;
import java.util.Objects;

/**
 * How the input topic is read and turned into bars.
 *
 * @param input       what the input topic carries: ticks (aggregated into bars here) or ready-made bars
 * @param format      the records' wire format
 * @param barInterval the bar length, at least 1 ms; ticks are bucketed by event time into
 *                    {@code [k * barInterval, (k + 1) * barInterval)}
 * @param grace       how long after a bar's end (in event time) ticks for it are still accepted; a bar is closed
 *                    and emitted once stream time passes its end plus the grace; later ticks are counted as late
 */
public record IngestConfig(Input input, WireFormat format, Duration barInterval, Duration grace) {

    /** What the input topic carries. */
    public enum Input {
        /** {@code Tick} records, aggregated into bars by the trainer. */
        TICKS,
        /** {@code Bar} records, used as they are (e.g. from {@code tickforge replay}). */
        BARS
    }

    /** Validates every field; messages name it. */
    public IngestConfig {
        Objects.requireNonNull(input, "ingest.input");
        Objects.requireNonNull(format, "ingest.format");
        Objects.requireNonNull(barInterval, "ingest.barInterval");
        Objects.requireNonNull(grace, "ingest.grace");
        if (barInterval.toMillis() < 1) {
            throw new IllegalArgumentException("ingest.barInterval must be at least 1ms, got " + barInterval);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("ingest.grace must be >= 0, got " + grace);
        }
    }

    /** @return JSON ticks, 1 s bars, 2 s grace */
    public static IngestConfig defaults() {
        return new IngestConfig(Input.TICKS, WireFormat.JSON, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}

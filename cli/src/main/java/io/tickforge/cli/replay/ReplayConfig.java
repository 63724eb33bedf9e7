package io.tickforge.cli.replay;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.InvalidRecordException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How to turn the rows of a CSV file into {@link Bar}s.
 *
 * <p>{@code symbol} names the instrument of every row unless the file has a symbol column (then the column wins
 * and {@code symbol} fills its blank cells). {@code start} and {@code interval} synthesise bar start times when the
 * file has no time column: the {@code i}-th data row (counting from zero, rejected rows included, blank lines not)
 * starts at {@code start + i * interval}. {@code interval} is every bar's length either way. {@code zone} places
 * dates and local date-times without an offset on the time line.
 *
 * @param symbol   instrument symbol, or {@code null} when the file has a symbol column; when given, not blank, at
 *                 most 64 characters, no whitespace
 * @param start    start of the first bar when the file has no time column, not null, a valid bar time
 * @param interval length of every bar, at least one millisecond, whole milliseconds, not null
 * @param zone     zone of dates and date-times that carry no offset, not null
 */
public record ReplayConfig(String symbol, Instant start, Duration interval, ZoneId zone) {

    /** The bar length when none is given: one day, as in daily OHLCV files. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofDays(1);

    /** Validates every field; throws {@link IllegalArgumentException} naming the first bad one. */
    public ReplayConfig {
        if (symbol != null) {
            try {
                new Bar(symbol, 86_400_000L, 1, 1, 1, 1, 1, 0, 0);
            } catch (InvalidRecordException e) {
                throw new IllegalArgumentException(e.field().equals("symbol") ? e.getMessage()
                        : "symbol is not a valid bar symbol (" + e.getMessage() + "), was '" + symbol + "'", e);
            }
        }
        if (start == null) {
            throw new IllegalArgumentException("start must not be null");
        }
        if (interval == null) {
            throw new IllegalArgumentException("interval must not be null");
        }
        if (interval.compareTo(Duration.ofMillis(1)) < 0 || interval.toNanos() % 1_000_000L != 0) {
            throw new IllegalArgumentException("interval must be a positive whole number of milliseconds, was "
                    + interval);
        }
        try {
            new Bar("CHECK", start.toEpochMilli(), interval.toMillis(), 1, 1, 1, 1, 0, 0);
        } catch (InvalidRecordException | ArithmeticException e) {
            throw new IllegalArgumentException("start must be a valid bar start time, was " + start, e);
        }
        if (zone == null) {
            throw new IllegalArgumentException("zone must not be null");
        }
    }

    /**
     * A config with the default one-day interval and UTC.
     *
     * @param symbol instrument symbol, or {@code null} when the file has a symbol column
     * @param start  start of the first bar when the file has no time column
     * @return the validated config
     */
    public static ReplayConfig of(String symbol, Instant start) {
        return new ReplayConfig(symbol, start, DEFAULT_INTERVAL, ZoneOffset.UTC);
    }

    /**
     * @param newInterval the bar length to use instead
     * @return this config with {@code interval} replaced
     */
    public ReplayConfig withInterval(Duration newInterval) {
        return new ReplayConfig(symbol, start, newInterval, zone);
    }

    /**
     * @param newZone the zone to use instead
     * @return this config with {@code zone} replaced
     */
    public ReplayConfig withZone(ZoneId newZone) {
        return new ReplayConfig(symbol, start, interval, newZone);
    }
}

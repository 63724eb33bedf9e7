/**
 * Replaying a CSV file of OHLCV bars: the pure-logic half of {@code tickforge replay}. {@link
 * io.tickforge.cli.replay.CsvBarReader} streams a file row by row into validated {@link io.tickforge.schemas.Bar}s or
 * per-line {@link io.tickforge.cli.replay.CsvRow.Rejected rejections} (line number, column, value, reason), never
 * stopping on a malformed line, and keeps a {@link io.tickforge.cli.replay.ReplaySummary}. {@link
 * io.tickforge.cli.replay.ReplaySpeed} is the parsed {@code --speed} option: bars per second ({@code 100}), a multiplier of the bars' own
 * spacing to replay them.
 *
 * <p>This package reads and validates; it owns no clock, no thread and no Kafka client. Pacing and publishing are the
 * caller's. Units: bar start times in epoch milliseconds (UTC), intervals as {@link java.time.Duration}, prices in
 * the file's currency, volume in units traded.
 */
package io.tickforge.cli.replay;

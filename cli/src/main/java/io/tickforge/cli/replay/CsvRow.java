package io.tickforge.cli.replay;

import io.tickforge.schemas.Bar;

import java.util.Objects;

/**
 * One data line of a CSV file, read by {@link CsvBarReader}: either a validated {@link Bar} or the reason the line
 * was rejected. Line numbers are the file's physical lines, counting from 1 (the header is usually line 1).
 */
public sealed interface CsvRow permits CsvRow.Accepted, CsvRow.Rejected {

    /** @return the physical line number in the file, from 1 */
    long line();

    /**
     * A line that became a bar.
     *
     * @param line physical line number, &gt;= 1
     * @param bar  the validated bar, not null
     */
    record Accepted(long line, Bar bar) implements CsvRow {
        /** Validates both fields. */
        public Accepted {
            if (line < 1) {
                throw new IllegalArgumentException("line must be >= 1, was " + line);
            }
            Objects.requireNonNull(bar, "bar");
        }
    }

    /**
     * A line that did not become a bar, with what was wrong with it. {@code problem} is short and free of values, so
     * it can be counted ({@link ReplaySummary#rejectionsByReason()}); {@code detail} adds what the value was
     * compared with, when anything.
     *
     * @param line    physical line number, &gt;= 1
     * @param column  the header name of the column at fault as written in the file, or {@code "line"} when the
     *                whole line is at fault (wrong field count, broken quoting); not blank
     * @param value   the offending value as read (the line itself, shortened, when {@code column} is
     *                {@code "line"}); not null, may be empty
     * @param problem what the value must be or is, e.g. {@code "is not a number"}; not blank
     * @param detail  context such as the value compared against, e.g. {@code "Low is 5.0"}; not null, may be empty
     */
    record Rejected(long line, String column, String value, String problem, String detail) implements CsvRow {
        /** Validates every field. */
        public Rejected {
            if (line < 1) {
                throw new IllegalArgumentException("line must be >= 1, was " + line);
            }
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("column must not be blank, was " + column);
            }
            Objects.requireNonNull(value, "value");
            if (problem == null || problem.isBlank()) {
                throw new IllegalArgumentException("problem must not be blank, was " + problem);
            }
            Objects.requireNonNull(detail, "detail");
        }

        /** @return the countable reason: the column and the problem, e.g. {@code "High must be >= Low"} */
        public String reason() {
            return column + " " + problem;
        }

        /**
         * @return the whole story for a log line or a terminal, e.g.
         *         {@code "line 7: High must be >= Low, was '4.0' (Low is 5.0)"}
         */
        public String message() {
            return "line " + line + ": " + reason() + ", was '" + value + "'"
                    + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }
}

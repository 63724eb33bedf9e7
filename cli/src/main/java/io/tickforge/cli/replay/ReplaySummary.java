package io.tickforge.cli.replay;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay read: how many data lines, how many became bars, how many were rejected and why. Blank lines and the
 * header are not data lines.
 *
 * @param linesRead          data lines read, &gt;= 0, equal to {@code barsAccepted + linesRejected}
 * @param barsAccepted       lines that became bars, &gt;= 0
 * @param linesRejected      lines rejected, &gt;= 0
 * @param rejectionsByReason rejected lines per {@link CsvRow.Rejected#reason()}, summing to {@code linesRejected};
 *                           copied, sorted by reason, unmodifiable
 */
public record ReplaySummary(long linesRead, long barsAccepted, long linesRejected,
                            Map<String, Long> rejectionsByReason) {

    /** Validates the counts against each other; throws {@link IllegalArgumentException} naming the bad one. */
    public ReplaySummary {
        if (barsAccepted < 0) {
            throw new IllegalArgumentException("barsAccepted must be >= 0, was " + barsAccepted);
        }
        if (linesRejected < 0) {
            throw new IllegalArgumentException("linesRejected must be >= 0, was " + linesRejected);
        }
        if (linesRead != barsAccepted + linesRejected) {
            throw new IllegalArgumentException("linesRead must equal barsAccepted + linesRejected "
                    + (barsAccepted + linesRejected) + ", was " + linesRead);
        }
        if (rejectionsByReason == null) {
            throw new IllegalArgumentException("rejectionsByReason must not be null");
        }
        long sum = 0;
        for (Map.Entry<String, Long> entry : rejectionsByReason.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null || entry.getValue() <= 0) {
                throw new IllegalArgumentException("rejectionsByReason must map reasons to positive counts, was "
                        + entry);
            }
            sum += entry.getValue();
        }
        if (sum != linesRejected) {
            throw new IllegalArgumentException("rejectionsByReason must sum to linesRejected " + linesRejected
                    + ", was " + sum);
        }
        rejectionsByReason = Collections.unmodifiableMap(new TreeMap<>(rejectionsByReason));
    }

    /** @return a summary of nothing read */
    public static ReplaySummary empty() {
        return new ReplaySummary(0, 0, 0, Map.of());
    }
}

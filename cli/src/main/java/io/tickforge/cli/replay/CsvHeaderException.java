package io.tickforge.cli.replay;

import java.util.List;

/**
 * A CSV file whose header cannot be replayed: a required column (open, high, low, close) is missing, two columns
 * feed the same bar field, there is no header at all, or there is neither a symbol column nor a configured symbol.
 * Thrown before any row is read, since no row of such a file could be read correctly.
 */
public final class CsvHeaderException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @serial the bar fields that no column provides */
    private final List<String> missingColumns;

    /**
     * @param message        what is wrong and what was expected, naming the column(s)
     * @param missingColumns the bar fields no column provides, e.g. {@code ["open", "close"]}; empty when the
     *                       problem is of another kind
     */
    public CsvHeaderException(String message, List<String> missingColumns) {
        super(message);
        this.missingColumns = List.copyOf(missingColumns);
    }

    /** @return the bar fields no column provides, e.g. {@code ["open", "close"]}; empty for other problems */
    public List<String> missingColumns() {
        return missingColumns;
    }
}

package io.tickforge.timegan.data;

/**
 * A CSV file that cannot be read as a numeric time series. The message names the line (1-based, the header is
 * line 1), the column and the offending value; all three are exposed for callers that count errors.
 */
public final class CsvFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String column;
    private final String value;

    /**
     * @param source the file or stream name
     * @param line 1-based line number
     * @param column the column name, or a description when the fault is not in one column
     * @param value the offending text
     * @param reason what was expected
     */
    public CsvFormatException(String source, long line, String column, String value, String reason) {
        super(source + " line " + line + ", column " + column + ": " + reason + ", got '" + value + "'");
        this.source = source;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    /** @return the file or stream name */
    public String source() {
        return source;
    }

    /** @return the 1-based line number */
    public long line() {
        return line;
    }

    /** @return the column at fault */
    public String column() {
        return column;
    }

    /** @return the offending text */
    public String value() {
        return value;
    }
}

package io.tickforge.timegan.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A numeric multivariate time series: named features and rows {@code [n][d]} in chronological order, as given
 * (oldest first; the TimeGAN reference loader flips its CSV, we do not). Immutable: the rows are copied in and out.
 *
 * <p>The CSV reader takes a header line of column names and numeric cells separated by commas; blank lines are
 * skipped; a cell that is not a finite number fails with a {@link CsvFormatException} naming the line, the column
 * and the value. Quoted cells are not supported (market data has none).
 */
public final class TimeSeriesTable {

    private final String source;
    private final List<String> featureNames;
    private final double[][] rows;

    /**
     * @param source where the data came from (a file name, a topic), for provenance and messages; not blank
     * @param featureNames one name per column, unique, not blank
     * @param rows {@code [n][d]} finite values; copied
     */
    public TimeSeriesTable(String source, List<String> featureNames, double[][] rows) {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank, got '" + source + "'");
        }
        this.source = source;
        this.featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
        if (this.featureNames.isEmpty()) {
            throw new IllegalArgumentException("featureNames must not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (String name : this.featureNames) {
            if (name.isBlank() || !seen.add(name)) {
                throw new IllegalArgumentException("featureNames must be unique and not blank, got '" + name + "'");
            }
        }
        Objects.requireNonNull(rows, "rows");
        int d = this.featureNames.size();
        this.rows = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null || rows[r].length != d) {
                throw new IllegalArgumentException("rows[" + r + "] must hold " + d + " values, got "
                        + (rows[r] == null ? "null" : rows[r].length));
            }
            for (int f = 0; f < d; f++) {
                if (!Double.isFinite(rows[r][f])) {
                    throw new IllegalArgumentException("rows[" + r + "][" + f + "] (" + this.featureNames.get(f)
                            + ") must be finite, got " + rows[r][f]);
                }
            }
            this.rows[r] = rows[r].clone();
        }
    }

    /**
     * Reads every column of a CSV file.
     *
     * @param path the file
     * @return the table, its source the file name
     * @throws IOException when the file cannot be read
     */
    public static TimeSeriesTable readCsv(Path path) throws IOException {
        return readCsv(path, List.of());
    }

    /**
     * Reads the named columns of a CSV file, in the order given.
     *
     * @param path the file
     * @param columns the columns to keep; empty for all (then every column must be numeric)
     * @return the table, its source the file name
     * @throws IOException when the file cannot be read
     */
    public static TimeSeriesTable readCsv(Path path, List<String> columns) throws IOException {
        Objects.requireNonNull(path, "path");
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Path name = path.getFileName();
            return readCsv(reader, name == null ? path.toString() : name.toString(), columns);
        }
    }

    /**
     * Reads a CSV stream.
     *
     * @param reader the text, header first; not closed
     * @param source its name, for provenance and messages
     * @param columns the columns to keep, in this order; empty for all
     * @return the table
     * @throws IOException when the reader fails
     */
    public static TimeSeriesTable readCsv(Reader reader, String source, List<String> columns) throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(columns, "columns");
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        long lineNo = 0;
        String line;
        String[] header = null;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (!line.isBlank()) {
                header = split(line);
                break;
            }
        }
        if (header == null) {
            throw new CsvFormatException(source, Math.max(lineNo, 1), "header", "", "must have a header line");
        }
        if (lineNo == 1 && header.length > 0 && header[0].startsWith("\uFEFF")) {
            header[0] = header[0].substring(1);
        }
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (name.isEmpty() || !seen.add(name)) {
                throw new CsvFormatException(source, lineNo, name.isEmpty() ? "(blank)" : name,
                        String.join(",", header), "header names must be unique and not blank");
            }
        }
        List<String> names = columns.isEmpty() ? List.of(header) : List.copyOf(columns);
        int[] index = new int[names.size()];
        for (int k = 0; k < names.size(); k++) {
            index[k] = -1;
            for (int c = 0; c < header.length; c++) {
                if (header[c].equals(names.get(k))) {
                    index[k] = c;
                    break;
                }
            }
            if (index[k] < 0) {
                throw new CsvFormatException(source, lineNo, names.get(k), String.join(",", header),
                        "column not found in the header");
            }
        }
        List<double[]> rows = new ArrayList<>();
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = split(line);
            if (cells.length != header.length) {
                throw new CsvFormatException(source, lineNo, "*", line,
                        "must have " + header.length + " cells like the header, found " + cells.length);
            }
            double[] row = new double[index.length];
            for (int k = 0; k < index.length; k++) {
                String cell = cells[index[k]];
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new CsvFormatException(source, lineNo, names.get(k), cell, "must be a number");
                }
                if (!Double.isFinite(v)) {
                    throw new CsvFormatException(source, lineNo, names.get(k), cell, "must be a finite number");
                }
                row[k] = v;
            }
            rows.add(row);
        }
        return new TimeSeriesTable(source, names, rows.toArray(new double[0][]));
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].trim();
        }
        return cells;
    }

    /** @return where the data came from */
    public String source() {
        return source;
    }

    /** @return the feature names in column order */
    public List<String> featureNames() {
        return featureNames;
    }

    /** @return number of features d */
    public int features() {
        return featureNames.size();
    }

    /** @return number of rows n */
    public int rows() {
        return rows.length;
    }

    /**
     * @param row row index
     * @param feature feature index
     * @return the value
     */
    public double value(int row, int feature) {
        return rows[row][feature];
    }

    /** @return a copy of the rows {@code [n][d]} */
    public double[][] toArray() {
        double[][] copy = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            copy[r] = rows[r].clone();
        }
        return copy;
    }

    /** @return the live rows, for this package's read-only use */
    double[][] rowsView() {
        return rows;
    }

    /**
     * Rows {@code [from, to)} as a new table with the same source and names.
     *
     * @param from first row, inclusive
     * @param to last row, exclusive
     * @return the slice
     */
    public TimeSeriesTable slice(int from, int to) {
        Objects.checkFromToIndex(from, to, rows.length);
        double[][] part = new double[to - from][];
        System.arraycopy(rows, from, part, 0, to - from);
        return new TimeSeriesTable(source, featureNames, part);
    }

    /**
     * Holds out the most recent rows: the first {@code n - k} rows train, the last {@code k} validate, with
     * {@code k = round(n * validationFraction)} (at least 1, at most n - 1). Chronological, so no window of the
     * validation part overlaps the training part's time range; no randomness involved.
     *
     * @param validationFraction fraction held out, in (0, 1)
     * @return the two parts
     */
    public HeldOut<TimeSeriesTable> splitChronologically(double validationFraction) {
        int k = HeldOut.validationCount(rows.length, validationFraction);
        return new HeldOut<>(slice(0, rows.length - k), slice(rows.length - k, rows.length));
    }

    @Override
    public String toString() {
        return "TimeSeriesTable[source=" + source + ", rows=" + rows.length + ", features=" + featureNames + "]";
    }
}

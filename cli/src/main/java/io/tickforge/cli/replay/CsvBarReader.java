package io.tickforge.cli.replay;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.InvalidRecordException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams a CSV file of OHLCV bars, one data line at a time, into {@link CsvRow}s: a validated {@link Bar} or a
 * {@link CsvRow.Rejected rejection} naming the line, the column, the value and the reason. A malformed line never
 * stops the reading, and a bar once returned is never taken back.
 *
 * <p>The header (the first non-blank line; a UTF-8 byte-order mark is ignored) maps columns to bar fields by name,
 * ignoring case and punctuation: {@code open}/{@code o}, {@code high}/{@code h}, {@code low}/{@code l},
 * {@code close}/{@code c} (required), {@code volume}/{@code vol}/{@code v} (0 when absent),
 * {@code trades}/{@code trade_count}/{@code tradeCount} (0 when absent or blank), {@code date}/{@code time}/
 * {@code timestamp}/{@code ts}/{@code datetime} and {@code symbol}/{@code ticker}. Other columns, {@code Adj_Close}
 * among them, are ignored. Header problems throw {@link CsvHeaderException} from the constructor.
 *
 * <p>Bar times come from the time column when there is one (see {@link ReplayConfig}); otherwise they are
 * synthesised from the config's start and interval by data-row index. Per symbol, each bar must start after the
 * previous accepted one; an out-of-order or duplicate line is rejected.
 *
 * <p>Lines: separated by LF or CRLF, blank lines skipped, fields separated by commas and optionally wrapped in double
 * quotes, no field spanning lines. Bytes that are not UTF-8 become U+FFFD and fail the cell they are in.
 *
 * <p>Not thread-safe. Closing the reader closes the underlying source.
 */
public final class CsvBarReader implements AutoCloseable {
    private static final int MAX_VALUE_CHARS = 120;

    private final BufferedReader source;
    private final String sourceName;
    private final ReplayConfig config;
    private final List<String> headerNames;
    private final Map<BarColumn, Integer> columns;
    private final List<String> ignoredColumns;
    private final Map<String, Long> lastStartBySymbol = new HashMap<>();
    private final Map<String, Long> rejectionsByReason = new HashMap<>();
    private long lineNumber;
    private long dataRows;
    private long accepted;
    private long rejected;

    /**
     * Reads the header of {@code source}; rows are read by {@link #next()}.
     *
     * @param source     the CSV text; owned by this reader from now on, closed by {@link #close()}
     * @param sourceName the file name or another label for messages
     * @param config     symbol, synthetic times and zone
     * @throws IOException         when the source cannot be read
     * @throws CsvHeaderException  when the header lacks a required column, maps two columns to one field, is
     *                             absent, or no symbol is available
     */
    public CsvBarReader(Reader source, String sourceName, ReplayConfig config) throws IOException {
        Objects.requireNonNull(source, "source");
        this.source = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source);
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.config = Objects.requireNonNull(config, "config");
        String header = readHeaderLine();
        this.headerNames = splitHeader(header);
        this.columns = new EnumMap<>(BarColumn.class);
        this.ignoredColumns = new ArrayList<>();
        mapColumns();
    }

    /**
     * Opens a CSV file as UTF-8 and reads its header.
     *
     * @param file   the CSV file
     * @param config symbol, synthetic times and zone
     * @return the reader, positioned at the first data line
     * @throws IOException        when the file cannot be opened or read
     * @throws CsvHeaderException when the header cannot be replayed; the file is closed again
     */
    public static CsvBarReader open(Path file, ReplayConfig config) throws IOException {
        Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
        try {
            return new CsvBarReader(reader, file.toString(), config);
        } catch (IOException | RuntimeException e) {
            try {
                reader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Reads the next data line.
     *
     * @return the bar or rejection it gave, or empty at the end of the file
     * @throws IOException when the source cannot be read
     */
    public Optional<CsvRow> next() throws IOException {
        String line;
        while ((line = source.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            CsvRow row = parse(line, lineNumber, dataRows++);
            if (row instanceof CsvRow.Rejected rejection) {
                rejected++;
                rejectionsByReason.merge(rejection.reason(), 1L, Long::sum);
            } else {
                accepted++;
            }
            return Optional.of(row);
        }
        return Optional.empty();
    }

    /**
     * The remaining rows as a lazy, sequential stream; reading happens as the stream is consumed.
     *
     * @return the rows from the current position to the end of the file
     * @throws UncheckedIOException (from the stream's terminal operation) when the source cannot be read
     */
    public Stream<CsvRow> rows() {
        Spliterator<CsvRow> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super CsvRow> action) {
                Optional<CsvRow> row;
                try {
                    row = next();
                } catch (IOException e) {
                    throw new UncheckedIOException("reading " + sourceName + " after line " + lineNumber, e);
                }
                row.ifPresent(action);
                return row.isPresent();
            }
        };
        return StreamSupport.stream(rows, false);
    }

    /** @return what has been read so far */
    public ReplaySummary summary() {
        return new ReplaySummary(accepted + rejected, accepted, rejected, rejectionsByReason);
    }

    /** @return header names of the columns that feed no bar field, as written in the file (e.g. {@code Adj_Close}) */
    public List<String> ignoredColumns() {
        return List.copyOf(ignoredColumns);
    }

    /** @return true when the file has no time column, so bar times come from the config's start and interval */
    public boolean synthesisesTimes() {
        return !columns.containsKey(BarColumn.TIME);
    }

    /** @return the file name or label given at construction, for messages */
    public String sourceName() {
        return sourceName;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private String readHeaderLine() throws IOException {
        String line;
        while ((line = source.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                return line;
            }
        }
        throw new CsvHeaderException("CSV file " + sourceName + " is empty: expected a header line naming the "
                + "columns open, high, low and close", List.of());
    }

    private List<String> splitHeader(String header) {
        try {
            return CsvFields.split(header);
        } catch (CsvFields.MalformedLineException e) {
            throw new CsvHeaderException("CSV header of " + sourceName + " (line " + lineNumber + ") "
                    + e.getMessage() + ": " + shorten(header), List.of());
        }
    }

    private void mapColumns() {
        for (int i = 0; i < headerNames.size(); i++) {
            String name = headerNames.get(i);
            Optional<BarColumn> column = BarColumn.forHeader(name);
            if (column.isEmpty()) {
                ignoredColumns.add(name);
                continue;
            }
            Integer previous = columns.putIfAbsent(column.get(), i);
            if (previous != null) {
                throw new CsvHeaderException("CSV header of " + sourceName + " has two columns for "
                        + column.get().field() + ": '" + headerNames.get(previous) + "' and '" + name
                        + "'; keep one", List.of());
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (BarColumn column : BarColumn.values()) {
            if (column.required() && !columns.containsKey(column)) {
                missing.add(column.field());
                accepted.add(column.field() + ": " + String.join("/", column.names()));
            }
        }
        if (!missing.isEmpty()) {
            String separatorHint = headerNames.size() == 1 && headerNames.get(0).matches(".*[;\t|].*")
                    ? "; fields must be separated by commas" : "";
            throw new CsvHeaderException("CSV header of " + sourceName + " has no column for "
                    + String.join(", ", missing) + " (accepted names, any case: " + String.join("; ", accepted)
                    + "); header was: " + shorten(String.join(",", headerNames)) + separatorHint, missing);
        }
        if (!columns.containsKey(BarColumn.SYMBOL) && config.symbol() == null) {
            throw new CsvHeaderException("CSV file " + sourceName + " has no symbol column, so a symbol must be "
                    + "given (--symbol)", List.of("symbol"));
        }
    }

    private CsvRow parse(String line, long number, long rowIndex) {
        List<String> fields;
        try {
            fields = CsvFields.split(line);
        } catch (CsvFields.MalformedLineException e) {
            return new CsvRow.Rejected(number, "line", shorten(line), e.getMessage(), "");
        }
        if (fields.size() > headerNames.size()) {
            return new CsvRow.Rejected(number, "line", shorten(line), "has more fields than the header",
                    fields.size() + " fields, header has " + headerNames.size());
        }
        return new RowParser(number, rowIndex, fields).parse();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
    }

    /** The parse of one data line; fails fast at the first bad cell, in column order time, symbol, prices, sizes. */
    private final class RowParser {
        private final long number;
        private final long rowIndex;
        private final List<String> fields;
        private CsvRow.Rejected rejection;

        RowParser(long number, long rowIndex, List<String> fields) {
            this.number = number;
            this.rowIndex = rowIndex;
            this.fields = fields;
        }

        CsvRow parse() {
            long start = start();
            String symbol = symbol();
            double open = price(BarColumn.OPEN);
            double high = price(BarColumn.HIGH);
            double low = price(BarColumn.LOW);
            double close = price(BarColumn.CLOSE);
            double volume = volume();
            long tradeCount = tradeCount();
            if (rejection == null) {
                checkRanges(open, high, low, close);
            }
            if (rejection == null) {
                checkOrder(symbol, start);
            }
            if (rejection != null) {
                return rejection;
            }
            Bar bar;
            try {
                bar = new Bar(symbol, start, config.interval().toMillis(), open, high, low, close, volume, tradeCount);
            } catch (InvalidRecordException e) {
                return new CsvRow.Rejected(number, columnForField(e.field()), e.value(),
                        "is not a valid bar " + e.field(), e.getMessage());
            }
            lastStartBySymbol.put(symbol, start);
            return new CsvRow.Accepted(number, bar);
        }

        private long start() {
            if (!columns.containsKey(BarColumn.TIME)) {
                long intervalMillis = config.interval().toMillis();
                long startMillis = config.start().toEpochMilli();
                if (rowIndex > (Long.MAX_VALUE - startMillis) / intervalMillis) {
                    reject("line", "", "has a synthetic start time out of range", "data row " + rowIndex);
                    return 0;
                }
                return startMillis + rowIndex * intervalMillis;
            }
            String text = cell(BarColumn.TIME);
            if (text == null) {
                return 0;
            }
            try {
                return CellParsers.epochMillis(text, config.zone());
            } catch (DateTimeException | ArithmeticException e) {
                reject(name(BarColumn.TIME), text, "is not an ISO-8601 date, date-time or epoch number", "");
                return 0;
            }
        }

        private String symbol() {
            if (!columns.containsKey(BarColumn.SYMBOL)) {
                return config.symbol();
            }
            int index = columns.get(BarColumn.SYMBOL);
            String text = index < fields.size() ? fields.get(index).strip() : "";
            if (!text.isEmpty()) {
                return text;
            }
            if (config.symbol() == null) {
                reject(name(BarColumn.SYMBOL), "", "is missing", "no --symbol given to fill it");
            }
            return config.symbol();
        }

        private double price(BarColumn column) {
            String text = cell(column);
            if (text == null) {
                return 0;
            }
            try {
                double value = CellParsers.decimal(text);
                if (value <= 0) {
                    reject(name(column), text, "must be > 0", "");
                }
                return value;
            } catch (NumberFormatException e) {
                reject(name(column), text, "is not a number", "");
                return 0;
            }
        }

        private double volume() {
            if (!columns.containsKey(BarColumn.VOLUME)) {
                return 0;
            }
            String text = cell(BarColumn.VOLUME);
            if (text == null) {
                return 0;
            }
            try {
                double value = CellParsers.decimal(text);
                if (value < 0) {
                    reject(name(BarColumn.VOLUME), text, "must be >= 0", "");
                }
                return value;
            } catch (NumberFormatException e) {
                reject(name(BarColumn.VOLUME), text, "is not a number", "");
                return 0;
            }
        }

        private long tradeCount() {
            Integer index = columns.get(BarColumn.TRADE_COUNT);
            if (index == null || index >= fields.size() || fields.get(index).isBlank()) {
                return 0;
            }
            String text = fields.get(index).strip();
            try {
                long value = CellParsers.wholeNumber(text);
                if (value < 0) {
                    reject(name(BarColumn.TRADE_COUNT), text, "must be >= 0", "");
                }
                return value;
            } catch (NumberFormatException e) {
                reject(name(BarColumn.TRADE_COUNT), text, "is not a whole number", "");
                return 0;
            }
        }

        private void checkRanges(double open, double high, double low, double close) {
            if (high < low) {
                reject(name(BarColumn.HIGH), cell(BarColumn.HIGH), "must be >= " + name(BarColumn.LOW),
                        name(BarColumn.LOW) + " is " + cell(BarColumn.LOW));
            } else if (low > Math.min(open, close)) {
                reject(name(BarColumn.LOW), cell(BarColumn.LOW), "must be <= " + name(BarColumn.OPEN) + " and "
                        + name(BarColumn.CLOSE), openClose());
            } else if (high < Math.max(open, close)) {
                reject(name(BarColumn.HIGH), cell(BarColumn.HIGH), "must be >= " + name(BarColumn.OPEN) + " and "
                        + name(BarColumn.CLOSE), openClose());
            }
        }

        private String openClose() {
            return name(BarColumn.OPEN) + " is " + cell(BarColumn.OPEN) + ", " + name(BarColumn.CLOSE) + " is "
                    + cell(BarColumn.CLOSE);
        }

        private void checkOrder(String symbol, long start) {
            Long previous = lastStartBySymbol.get(symbol);
            if (previous != null && start <= previous) {
                String column = columns.containsKey(BarColumn.TIME) ? name(BarColumn.TIME) : "line";
                String value = columns.containsKey(BarColumn.TIME) ? cell(BarColumn.TIME) : "";
                reject(column, value, "must be after the previous bar of the same symbol",
                        symbol + " had a bar at " + Instant.ofEpochMilli(previous));
            }
        }

        /** @return the trimmed cell, or null (after recording a rejection) when it is missing or empty */
        private String cell(BarColumn column) {
            int index = columns.get(column);
            if (index >= fields.size()) {
                reject(name(column), "", "is missing",
                        "line has " + fields.size() + " of " + headerNames.size() + " fields");
                return null;
            }
            String text = fields.get(index).strip();
            if (text.isEmpty()) {
                reject(name(column), "", "is missing", "");
                return null;
            }
            return text;
        }

        private String name(BarColumn column) {
            return headerNames.get(columns.get(column)).strip();
        }

        private String columnForField(String field) {
            for (BarColumn column : BarColumn.values()) {
                if (column.field().equals(field) && columns.containsKey(column)) {
                    return name(column);
                }
            }
            return field.equals("start") && columns.containsKey(BarColumn.TIME) ? name(BarColumn.TIME) : field;
        }

        private void reject(String column, String value, String problem, String detail) {
            if (rejection == null) {
                rejection = new CsvRow.Rejected(number, column, shorten(value), problem, detail);
            }
        }
    }
}

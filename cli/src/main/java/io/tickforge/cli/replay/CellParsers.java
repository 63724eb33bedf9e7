package io.tickforge.cli.replay;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/** Strict parsers for CSV cells: decimals, whole counts and times. Each returns a value or throws. */
final class CellParsers {
    /** Plain decimals with an optional exponent; no hex, no {@code NaN}, no {@code Infinity}, no type suffix. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    /** Thousands separators as some spreadsheets write them inside quotes: {@code 1,234,567.5}. */
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final Pattern EPOCH = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern BASIC_DATE = Pattern.compile("(18|19|20|21)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])");
    private static final Pattern DATE_SPACE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d.*");
    /** Epoch numbers below this are seconds (before 5138), at or above it milliseconds (after 1973). */
    private static final double SECONDS_LIMIT = 1e11;

    private CellParsers() {
    }

    /**
     * @param text a trimmed cell
     * @return its value
     * @throws NumberFormatException when it is not a finite decimal number
     */
    static double decimal(String text) {
        String digits;
        if (DECIMAL.matcher(text).matches()) {
            digits = text;
        } else if (GROUPED.matcher(text).matches()) {
            digits = text.replace(",", "");
        } else {
            throw new NumberFormatException(text);
        }
        double value = Double.parseDouble(digits);
        if (!Double.isFinite(value)) {
            throw new NumberFormatException(text);
        }
        return value;
    }

    /**
     * @param text a trimmed cell
     * @return its value
     * @throws NumberFormatException when it is not a whole number ({@code 12} and {@code 12.0} are)
     */
    static long wholeNumber(String text) {
        double value = decimal(text);
        if (value != Math.rint(value) || Math.abs(value) > 1e15) {
            throw new NumberFormatException(text);
        }
        return (long) value;
    }

    /**
     * Reads a bar time: an ISO-8601 date ({@code 2020-01-02}, start of day in {@code zone}), a date-time with an
     * offset or zone ({@code 2020-01-02T14:30:00Z}), a local date-time in {@code zone} ({@code 2020-01-02T09:30},
     * also with a space for the {@code T}), a compact date ({@code 20200102}), or an epoch number (seconds below
     * 10^11, milliseconds from there on, fractions allowed).
     *
     * @param text a trimmed cell
     * @param zone zone of dates and local date-times
     * @return epoch milliseconds
     * @throws DateTimeException when the cell is none of these
     */
    static long epochMillis(String text, ZoneId zone) {
        if (BASIC_DATE.matcher(text).matches()) {
            return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        if (EPOCH.matcher(text).matches()) {
            double value = Double.parseDouble(text);
            double millis = value < SECONDS_LIMIT ? value * 1000 : value;
            if (millis >= Long.MAX_VALUE) {
                throw new DateTimeException("epoch number out of range: " + text);
            }
            return Math.round(millis);
        }
        String iso = DATE_SPACE_TIME.matcher(text).matches() ? text.replaceFirst(" ", "T") : text;
        if (iso.length() == 10) {
            return LocalDate.parse(iso).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from,
                LocalDateTime::from);
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant().toEpochMilli();
        }
        return ((LocalDateTime) parsed).atZone(zone).toInstant().toEpochMilli();
    }
}

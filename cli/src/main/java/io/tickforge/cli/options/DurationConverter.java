package io.tickforge.cli.options;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a duration flag: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, or ISO-8601
 * ({@code PT10M}). A bare number is read as seconds. Zero and negative values are refused, naming the input.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)?");

    /** Creates the converter; picocli does this. */
    public DurationConverter() {
        // stateless
    }

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * @param value the text, e.g. {@code 10m}
     * @return the duration, &gt; 0
     * @throws CommandLine.TypeConversionException naming the value when it is not a positive duration
     */
    public static Duration parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SIMPLE.matcher(v);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                case "h" -> amount * 3_600_000;
                default -> amount * 86_400_000;
            };
            d = Duration.ofNanos(Math.round(millis * 1_000_000));
        } else {
            try {
                d = Duration.parse(value.trim());
            } catch (DateTimeParseException | NullPointerException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a duration (use e.g. 500ms, 30s, 10m, 2h, 1d or PT10M)");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be a positive duration");
        }
        return d;
    }

    /**
     * @param d a duration
     * @return it in the flags' short form, e.g. {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}
     */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0 && ms > 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }
}

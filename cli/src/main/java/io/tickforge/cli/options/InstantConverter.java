package io.tickforge.cli.options;

import picocli.CommandLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses a point-in-time flag: {@code now}, an ISO instant ({@code 2024-01-02T14:30:00Z}), a local date-time or
 * date taken as UTC ({@code 2024-01-02T14:30}, {@code 2024-01-02}), or epoch milliseconds.
 */
public final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    /** Created by picocli. */
    public InstantConverter() {
        // stateless
    }

    @Override
    public Instant convert(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("now")) {
            return Instant.now();
        }
        if (v.matches("\\d{9,15}")) {
            return Instant.ofEpochMilli(Long.parseLong(v));
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new CommandLine.TypeConversionException("'" + value + "' is not a time (use now, "
                            + "2024-01-02, 2024-01-02T14:30:00Z or epoch milliseconds)");
                }
            }
        }
    }
}

package io.tickforge.cli.replay;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bar fields a CSV column can feed, each with the header names that map to it. Header names match after
 * lower-casing and dropping everything but letters and digits, so {@code Trade_Count}, {@code trade count} and
 * {@code tradeCount} are one name. {@code Adj_Close} (an adjusted close) deliberately matches nothing: it is not the
 * traded close and is ignored.
 */
enum BarColumn {
    TIME("time", false, List.of("date", "time", "timestamp", "ts", "datetime")),
    SYMBOL("symbol", false, List.of("symbol", "ticker")),
    OPEN("open", true, List.of("open", "o")),
    HIGH("high", true, List.of("high", "h")),
    LOW("low", true, List.of("low", "l")),
    CLOSE("close", true, List.of("close", "c")),
    VOLUME("volume", false, List.of("volume", "vol", "v")),
    TRADE_COUNT("tradeCount", false, List.of("trades", "tradecount"));

    private final String field;
    private final boolean required;
    private final List<String> names;

    BarColumn(String field, boolean required, List<String> names) {
        this.field = field;
        this.required = required;
        this.names = names;
    }

    /** @return the bar field this column feeds, e.g. {@code "open"} */
    String field() {
        return field;
    }

    /** @return true when a file without this column cannot be replayed */
    boolean required() {
        return required;
    }

    /** @return the accepted header names, normalised */
    List<String> names() {
        return names;
    }

    /**
     * @param header a header name as written in the file
     * @return the bar field it feeds, if any
     */
    static Optional<BarColumn> forHeader(String header) {
        String normalised = normalise(header);
        for (BarColumn column : values()) {
            if (column.names.contains(normalised)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String header) {
        StringBuilder result = new StringBuilder(header.length());
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                result.append(c);
            }
        }
        return result.toString();
    }
}

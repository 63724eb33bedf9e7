package io.tickforge.cli.options;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a config record's field names (e.g. {@code window.minBars}) into the flags that set them (e.g.
 * {@code --min-bars}), so that a validation message thrown by a record names what the user typed. Each service
 * command keeps one instance with its own mapping.
 */
public final class FlagNames {
    private final List<Map.Entry<Pattern, String>> rules;

    /**
     * @param fieldToFlag field names as the records' messages say them, mapped to flags; matched as whole names
     *                    (not inside a longer dotted name), longest first
     */
    public FlagNames(Map<String, String> fieldToFlag) {
        Objects.requireNonNull(fieldToFlag, "fieldToFlag");
        this.rules = new LinkedHashMap<>(fieldToFlag).entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .map(e -> Map.entry(Pattern.compile("(?<![\\w.-])" + Pattern.quote(e.getKey()) + "(?![\\w])"),
                        Matcher.quoteReplacement(e.getValue())))
                .toList();
    }

    /**
     * @param message a config record's validation message
     * @return the message with field names replaced by flags
     */
    public String rewrite(String message) {
        String result = message == null ? "" : message;
        for (Map.Entry<Pattern, String> rule : rules) {
            result = rule.getKey().matcher(result).replaceAll(rule.getValue());
        }
        return result;
    }
}

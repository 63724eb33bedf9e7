package io.tickforge.cli.deploy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (or a Grafana variable query) reads: what is left once strings, label
 * matchers, range and subquery brackets, grouping clauses, function and aggregation calls, keywords and numbers
 * are taken out. Good for the expressions tickforge ships; not a full PromQL parser.
 */
final class PromQl {
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\[\\]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_:.$])[A-Za-z_:][A-Za-z0-9_:]*");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\s*\\((.*?)(?:,[^,()]*)?\\)\\s*$",
            Pattern.DOTALL);
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");

    private PromQl() {
    }

    /**
     * @param query a PromQL expression or a Grafana variable query
     * @return PromQL Prometheus can evaluate: {@code label_values(m, l)} becomes {@code count by (l) (m)}, which
     *     reads the series Grafana's label values come from
     */
    static String asPromQl(String query) {
        Matcher lv = Pattern.compile("^\\s*label_values\\s*\\((.*),\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$",
                Pattern.DOTALL).matcher(query);
        return lv.matches() ? "count by (" + lv.group(2) + ") (" + lv.group(1) + ")" : query;
    }

    /**
     * @param expression a PromQL expression, Grafana variables ({@code $job}, {@code $__rate_interval}) allowed
     * @return the metric names it reads, in order of appearance
     */
    static Set<String> metricNames(String expression) {
        Matcher lv = LABEL_VALUES.matcher(expression);
        String s = lv.matches() ? lv.group(1) : expression;
        s = STRING.matcher(s).replaceAll("\"\"");
        s = MATCHERS.matcher(s).replaceAll(" ");
        s = RANGE.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String word = m.group();
            int next = m.end();
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            boolean call = next < s.length() && s.charAt(next) == '(';
            if (!call && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                names.add(word);
            }
        }
        return names;
    }
}

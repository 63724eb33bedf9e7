package io.tickforge.producer.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names synthetic instruments from a pattern. Placeholders: {@code {symbol}} (the model name without its
 * {@code timegan-} prefix, e.g. {@code SIM-XHJ}), {@code {model}} (the whole model name), {@code {index}} (the
 * instrument's number, from {@code synth.firstIndex}) and {@code {index:0Nd}} (the number zero-padded to N digits,
 * N from 1 to 9). The default {@value #DEFAULT_PATTERN} names instrument 1 of {@code timegan-SIM-XHJ}
 * {@code SYN-SIM-XHJ-0001}. A name is the record key and the record's symbol, so it must be a valid symbol (not
 * blank, at most 64 characters, no whitespace); that is checked when a model is accepted. Immutable.
 */
public final class InstrumentNames {

    /** The default pattern. */
    public static final String DEFAULT_PATTERN = "SYN-{symbol}-{index:04d}";

    /** The prefix the trainer gives model names, dropped by {@code {symbol}}. */
    public static final String MODEL_PREFIX = "timegan-";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Pattern PADDED_INDEX = Pattern.compile("index:0([1-9])d");
    private static final int MAX_SYMBOL_LENGTH = 64;

    private final String pattern;
    private final List<Object> parts;

    private InstrumentNames(String pattern, List<Object> parts) {
        this.pattern = pattern;
        this.parts = parts;
    }

    /**
     * @param pattern the pattern, with at least one {@code {index}} or {@code {index:0Nd}} placeholder
     * @return the compiled pattern
     * @throws IllegalArgumentException naming {@code synth.namePattern} and the value for an unknown placeholder, an
     *     unbalanced brace, or no index placeholder
     */
    public static InstrumentNames compile(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("synth.namePattern must not be blank, got " + pattern);
        }
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int at = 0;
        boolean index = false;
        while (m.find()) {
            literal(pattern, pattern.substring(at, m.start()), parts);
            String name = m.group(1);
            Matcher padded = PADDED_INDEX.matcher(name);
            if (name.equals("symbol") || name.equals("model") || name.equals("index")) {
                parts.add(new Placeholder(name, 0));
                index |= name.equals("index");
            } else if (padded.matches()) {
                parts.add(new Placeholder("index", Integer.parseInt(padded.group(1))));
                index = true;
            } else {
                throw new IllegalArgumentException("synth.namePattern has an unknown placeholder {" + name + "} (use"
                        + " {symbol}, {model}, {index} or {index:0Nd}), got " + pattern);
            }
            at = m.end();
        }
        literal(pattern, pattern.substring(at), parts);
        if (!index) {
            throw new IllegalArgumentException("synth.namePattern must contain {index} or {index:0Nd} so that"
                    + " instruments get distinct names, got " + pattern);
        }
        return new InstrumentNames(pattern, List.copyOf(parts));
    }

    private static void literal(String pattern, String text, List<Object> parts) {
        if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
            throw new IllegalArgumentException("synth.namePattern has an unbalanced brace, got " + pattern);
        }
        if (!text.isEmpty()) {
            parts.add(text);
        }
    }

    /** @return the pattern text */
    public String pattern() {
        return pattern;
    }

    /**
     * @param modelName the model's name
     * @return the {@code {symbol}} of the model: its name without the {@value #MODEL_PREFIX} prefix
     */
    public static String symbolOf(String modelName) {
        return modelName.startsWith(MODEL_PREFIX) && modelName.length() > MODEL_PREFIX.length()
                ? modelName.substring(MODEL_PREFIX.length()) : modelName;
    }

    /**
     * @param modelName the model's name
     * @param index     the instrument's number
     * @return the instrument's name
     */
    public String name(String modelName, long index) {
        Objects.requireNonNull(modelName, "modelName");
        StringBuilder b = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Placeholder p) {
                switch (p.name()) {
                    case "symbol" -> b.append(symbolOf(modelName));
                    case "model" -> b.append(modelName);
                    default -> b.append(p.width() == 0 ? Long.toString(index)
                            : String.format(Locale.ROOT, "%0" + p.width() + "d", index));
                }
            } else {
                b.append((String) part);
            }
        }
        return b.toString();
    }

    /**
     * Names instruments {@code first .. first + count - 1} of a model and checks that each is a valid symbol.
     *
     * @param modelName the model's name
     * @param first     the first instrument's number
     * @param count     how many
     * @return the names, in index order
     * @throws IllegalArgumentException naming {@code synth.namePattern}, the model and the name when a name is not a
     *     valid symbol
     */
    public List<String> names(String modelName, long first, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = name(modelName, first + i);
            String problem = symbolProblem(name);
            if (problem != null) {
                throw new IllegalArgumentException("synth.namePattern " + pattern + " gives model " + modelName
                        + " the instrument name \"" + name + "\", which " + problem);
            }
            names.add(name);
        }
        return names;
    }

    private static String symbolProblem(String name) {
        if (name.isBlank()) {
            return "is blank";
        }
        if (name.codePointCount(0, name.length()) > MAX_SYMBOL_LENGTH) {
            return "is longer than " + MAX_SYMBOL_LENGTH + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "contains whitespace or a control character";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return pattern;
    }

    private record Placeholder(String name, int width) {
    }
}

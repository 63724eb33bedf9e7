package io.tickforge.timegan.data;

import java.util.Objects;

/**
 * The size of a {@link SineDataset}, as given on a command line: {@code sine:<count>x<steps>x<features>}, e.g.
 * {@code sine:10000x24x5} for the paper's benchmark.
 *
 * @param count sequences, positive
 * @param steps time steps per sequence, positive
 * @param features features per step, positive
 */
public record SineSpec(int count, int steps, int features) {

    /** The spec's prefix. */
    public static final String PREFIX = "sine:";

    /** The paper's benchmark: 10,000 sequences of 24 steps and 5 features. */
    public static final SineSpec PAPER = new SineSpec(10_000, 24, 5);

    /**
     * @param count sequences
     * @param steps steps per sequence
     * @param features features per step
     */
    public SineSpec {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps);
        }
        if (features <= 0) {
            throw new IllegalArgumentException("features must be positive, got " + features);
        }
    }

    /**
     * Parses {@code sine:<count>x<steps>x<features>}.
     *
     * @param text the spec
     * @return the parsed spec
     * @throws IllegalArgumentException naming the bad part (prefix, count, steps or features) and its text
     */
    public static SineSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("sine spec must start with '" + PREFIX
                    + "' (e.g. sine:10000x24x5), got '" + text + "'");
        }
        String[] parts = text.substring(PREFIX.length()).split("x", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("sine spec must be sine:<count>x<steps>x<features> "
                    + "(e.g. sine:10000x24x5), got '" + text + "'");
        }
        return new SineSpec(part("count", parts[0], text), part("steps", parts[1], text),
                part("features", parts[2], text));
    }

    private static int part(String field, String value, String text) {
        int v;
        try {
            v = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sine spec " + field + " must be a positive integer, got '" + value
                    + "' in '" + text + "'", e);
        }
        if (v <= 0) {
            throw new IllegalArgumentException("sine spec " + field + " must be a positive integer, got '" + value
                    + "' in '" + text + "'");
        }
        return v;
    }

    @Override
    public String toString() {
        return PREFIX + count + "x" + steps + "x" + features;
    }
}

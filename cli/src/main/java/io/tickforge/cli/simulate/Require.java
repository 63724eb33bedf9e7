package io.tickforge.cli.simulate;

/** Parameter checks shared by this package's config records; every message names the field and the value. */
final class Require {
    private Require() {
    }

    static void positive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(field + " must be finite and > 0, was " + value);
        }
    }

    static void nonNegative(String field, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(field + " must be finite and >= 0, was " + value);
        }
    }

    static void atLeast(String field, double value, String boundName, double bound) {
        if (value < bound) {
            throw new IllegalArgumentException(field + " must be >= " + boundName + " " + bound + ", was " + value);
        }
    }

    static void atMost(String field, double value, double bound, String why) {
        if (value > bound) {
            throw new IllegalArgumentException(field + " must be <= " + bound + why + ", was " + value);
        }
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}

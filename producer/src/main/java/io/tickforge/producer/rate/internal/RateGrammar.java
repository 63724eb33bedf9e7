package io.tickforge.producer.rate.internal;

import io.tickforge.producer.rate.RateSchedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text form of a {@link RateSchedule}:
 * <pre>
 *   schedule := NUMBER | "max" | ramp | steps | burst
 *   ramp     := "ramp:" NUMBER ".." NUMBER "/" DURATION
 *   steps    := "steps:" NUMBER "@" DURATION ("," NUMBER "@" DURATION)*
 *   burst    := "burst:" NUMBER "+" NUMBER "/" DURATION "@" DURATION
 *   NUMBER   := digits ["." digits]                         records per second
 *   DURATION := NUMBER ("ms" | "s" | "m" | "h") | "0"
 * </pre>
 * Case-insensitive; blanks around the whole text are ignored, inside it they are not allowed.
 */
public final class RateGrammar {

    /** What the grammar accepts, for error messages. */
    public static final String EXPECTED = "expected NUMBER (records/s, e.g. 1000 or 0.5), max,"
            + " ramp:FROM..TO/DURATION (e.g. ramp:100..5000/60s), steps:RATE@AT,... (e.g. steps:1000@0s,5000@30s),"
            + " or burst:BASE+EXTRA/LENGTH@EVERY (e.g. burst:1000+20000/1s@10s); durations like 500ms, 30s, 5m, 1h";

    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final String DUR = "(\\d+(?:\\.\\d+)?(?:ms|s|m|h)|0)";
    private static final Pattern CONSTANT = Pattern.compile(NUM);
    private static final Pattern RAMP = Pattern.compile("ramp:" + NUM + "\\.\\." + NUM + "/" + DUR);
    private static final Pattern STEP = Pattern.compile(NUM + "@" + DUR);
    private static final Pattern BURST = Pattern.compile("burst:" + NUM + "\\+" + NUM + "/" + DUR + "@" + DUR);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private RateGrammar() {
    }

    /**
     * @param text the text form
     * @return the schedule
     * @throws IllegalArgumentException naming {@code rate}, quoting the text and saying what is expected
     */
    public static RateSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw error(text, "it is empty");
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("max")) {
                return new RateSchedule.Max();
            }
            Matcher m = CONSTANT.matcher(t);
            if (m.matches()) {
                return new RateSchedule.Constant(number(m.group(1)));
            }
            m = RAMP.matcher(t);
            if (m.matches()) {
                return new RateSchedule.Ramp(number(m.group(1)), number(m.group(2)), duration(m.group(3)));
            }
            if (t.startsWith("steps:")) {
                List<RateSchedule.Step> steps = new ArrayList<>();
                for (String part : t.substring("steps:".length()).split(",", -1)) {
                    Matcher s = STEP.matcher(part);
                    if (!s.matches()) {
                        throw error(text, "step \"" + part + "\" is not RATE@AT");
                    }
                    steps.add(new RateSchedule.Step(number(s.group(1)), duration(s.group(2))));
                }
                return new RateSchedule.Steps(steps);
            }
            m = BURST.matcher(t);
            if (m.matches()) {
                return new RateSchedule.Burst(number(m.group(1)), number(m.group(2)), duration(m.group(3)),
                        duration(m.group(4)));
            }
        } catch (RateSyntaxException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new RateSyntaxException("rate \"" + text + "\" is not a valid schedule: " + e.getMessage(), e);
        }
        throw error(text, "it matches no form");
    }

    private static double number(String s) {
        return Double.parseDouble(s);
    }

    private static Duration duration(String s) {
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("duration " + s + " is not NUMBER followed by ms, s, m or h");
        }
        BigDecimal value = new BigDecimal(m.group(1));
        BigDecimal nanosPerUnit = switch (m.group(2)) {
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            default -> BigDecimal.valueOf(3_600_000_000_000L);
        };
        try {
            return Duration.ofNanos(value.multiply(nanosPerUnit).setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration " + s + " is too long", e);
        }
    }

    private static RateSyntaxException error(String text, String what) {
        return new RateSyntaxException("rate \"" + text + "\" is not a rate schedule: " + what + "; " + EXPECTED,
                null);
    }

    /** A text that is not a rate schedule. */
    private static final class RateSyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        RateSyntaxException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package io.tickforge.producer.rate;

import io.tickforge.producer.rate.internal.RateGrammar;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A target send rate in records per second as a function of the time elapsed since publishing started, with its
 * integral (the records due by a time) and the integral's inverse (when a record is due). The pacer gives record
 * {@code i} (from 0) the intended send time {@link #secondsFor(double) secondsFor(i)}: the latest time at which no
 * more than {@code i} records are due. For a constant rate {@code r} that is {@code i / r}, so records are spread
 * evenly instead of being sent in a lump at the start of every second.
 *
 * <p>Rates may be fractional ({@code 0.5} is one record every two seconds). Every schedule is immutable and
 * validated on construction; messages name the field ({@code rate.ramp.to}, ...) and the value.
 *
 * <h2>Text form</h2>
 * {@link #parse(String)} reads (case-insensitive, rates in records/s, durations as {@code 500ms}, {@code 30s},
 * {@code 1.5m}, {@code 1h}):
 * <ul>
 *   <li>{@code 1000}: a constant rate;</li>
 *   <li>{@code ramp:100..5000/60s}: linear from 100 to 5000 over 60 s, then 5000;</li>
 *   <li>{@code steps:1000@0s,5000@30s,0@60s,1000@90s}: a rate from each time on (the first at {@code 0s}, times
 *       increasing, the last rate &gt; 0; a 0 pauses);</li>
 *   <li>{@code burst:1000+20000/1s@10s}: 1000, plus 20000 more during a 1 s burst every 10 s (bursts start at 10 s,
 *       20 s, ...);</li>
 *   <li>{@code max}: no limit, as fast as the producer takes records.</li>
 * </ul>
 */
public sealed interface RateSchedule
        permits RateSchedule.Constant, RateSchedule.Ramp, RateSchedule.Steps, RateSchedule.Burst, RateSchedule.Max {

    /**
     * @param seconds time since publishing started, &gt;= 0
     * @return the target rate at that time, records per second; {@link Double#POSITIVE_INFINITY} for {@link Max}
     */
    double rateAt(double seconds);

    /**
     * @param seconds time since publishing started, &gt;= 0
     * @return the records due by then: the integral of {@link #rateAt} from 0; infinite for {@link Max}
     */
    double recordsBy(double seconds);

    /**
     * The intended send time of record {@code records} (counting from 0): the latest time at which
     * {@link #recordsBy} is still at most {@code records}. A record that falls on a pause (a zero rate) is due when
     * the pause ends.
     *
     * @param records records sent before this one, &gt;= 0
     * @return seconds after the start; 0 for {@link Max}
     */
    double secondsFor(double records);

    /** @return whether this schedule sets no limit ({@link Max}) */
    default boolean unlimited() {
        return false;
    }

    /** @return the schedule in the text form {@link #parse} reads */
    String text();

    /**
     * Reads the text form (see the type's documentation).
     *
     * @param text e.g. {@code 1000}, {@code ramp:100..5000/60s}, {@code steps:1000@0s,5000@30s},
     *             {@code burst:1000+20000/1s@10s}, {@code max}
     * @return the schedule
     * @throws IllegalArgumentException naming {@code rate} and quoting the text, saying what is wrong and what is
     *     expected
     */
    static RateSchedule parse(String text) {
        return RateGrammar.parse(text);
    }

    /**
     * @param perSecond records per second
     * @return a constant schedule
     */
    static RateSchedule constant(double perSecond) {
        return new Constant(perSecond);
    }

    /**
     * A constant rate.
     *
     * @param perSecond records per second, finite and &gt; 0
     */
    record Constant(double perSecond) implements RateSchedule {
        /** Validates; the message names {@code rate}. */
        public Constant {
            requireRate("rate", perSecond, false);
        }

        @Override
        public double rateAt(double seconds) {
            return perSecond;
        }

        @Override
        public double recordsBy(double seconds) {
            return perSecond * Math.max(0, seconds);
        }

        @Override
        public double secondsFor(double records) {
            return Math.max(0, records) / perSecond;
        }

        @Override
        public String text() {
            return number(perSecond);
        }
    }

    /**
     * A linear ramp from one rate to another, then the second rate for ever.
     *
     * @param from rate at 0, records per second, finite and &gt;= 0
     * @param to   rate at {@code over} and after, records per second, finite and &gt; 0
     * @param over the ramp's length, &gt; 0
     */
    record Ramp(double from, double to, Duration over) implements RateSchedule {
        /** Validates; messages name {@code rate.ramp.*}. */
        public Ramp {
            requireRate("rate.ramp.from", from, true);
            requireRate("rate.ramp.to", to, false);
            requirePositive("rate.ramp.over", over);
        }

        private double length() {
            return seconds(over);
        }

        @Override
        public double rateAt(double seconds) {
            double t = Math.max(0, seconds);
            double len = length();
            return t >= len ? to : from + (to - from) * t / len;
        }

        @Override
        public double recordsBy(double seconds) {
            double t = Math.max(0, seconds);
            double len = length();
            if (t <= len) {
                return from * t + (to - from) * t * t / (2 * len);
            }
            return (from + to) * len / 2 + to * (t - len);
        }

        @Override
        public double secondsFor(double records) {
            double n = Math.max(0, records);
            if (n == 0) {
                return 0;
            }
            double len = length();
            double onRamp = (from + to) * len / 2;
            if (n >= onRamp) {
                return len + (n - onRamp) / to;
            }
            // from*t + k*t^2 = n with k = (to - from) / (2 len); the form 2n / (from + sqrt(from^2 + 4kn)) is stable
            // for k of either sign and for from = 0
            double k = (to - from) / (2 * len);
            double t = 2 * n / (from + Math.sqrt(Math.max(0, from * from + 4 * k * n)));
            return Math.min(t, len);
        }

        @Override
        public String text() {
            return "ramp:" + number(from) + ".." + number(to) + "/" + duration(over);
        }
    }

    /**
     * Piecewise constant rates.
     *
     * @param steps the rates and when they start: the first at 0, times strictly increasing, rates finite and
     *              &gt;= 0, the last &gt; 0; copied
     */
    record Steps(List<Step> steps) implements RateSchedule {
        /** Validates; messages name {@code rate.steps[i]}. */
        public Steps {
            Objects.requireNonNull(steps, "rate.steps");
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("rate.steps must hold at least one step, got none");
            }
            if (!steps.get(0).at().isZero()) {
                throw new IllegalArgumentException("rate.steps[0].at must be 0s, got " + duration(steps.get(0).at()));
            }
            for (int i = 1; i < steps.size(); i++) {
                if (steps.get(i).at().compareTo(steps.get(i - 1).at()) <= 0) {
                    throw new IllegalArgumentException("rate.steps[" + i + "].at must be after rate.steps[" + (i - 1)
                            + "].at " + duration(steps.get(i - 1).at()) + ", got " + duration(steps.get(i).at()));
                }
            }
            double last = steps.get(steps.size() - 1).perSecond();
            if (last <= 0) {
                throw new IllegalArgumentException("rate.steps[" + (steps.size() - 1) + "].perSecond must be > 0 (the"
                        + " last rate lasts for ever), got " + number(last));
            }
        }

        private int index(double seconds) {
            int i = 0;
            while (i + 1 < steps.size() && seconds(steps.get(i + 1).at()) <= seconds) {
                i++;
            }
            return i;
        }

        @Override
        public double rateAt(double seconds) {
            return steps.get(index(Math.max(0, seconds))).perSecond();
        }

        @Override
        public double recordsBy(double seconds) {
            double t = Math.max(0, seconds);
            double total = 0;
            for (int i = 0; i < steps.size(); i++) {
                double begin = seconds(steps.get(i).at());
                if (begin >= t) {
                    break;
                }
                double end = i + 1 < steps.size() ? Math.min(t, seconds(steps.get(i + 1).at())) : t;
                total += steps.get(i).perSecond() * (end - begin);
            }
            return total;
        }

        @Override
        public double secondsFor(double records) {
            double n = Math.max(0, records);
            double before = 0;
            for (int i = 0; i < steps.size(); i++) {
                double begin = seconds(steps.get(i).at());
                double rate = steps.get(i).perSecond();
                if (i + 1 == steps.size()) {
                    return begin + (n - before) / rate;
                }
                double end = seconds(steps.get(i + 1).at());
                double after = before + rate * (end - begin);
                if (after > n) {
                    return begin + (n - before) / rate;
                }
                before = after;
            }
            throw new AssertionError("unreachable: the last step has a positive rate");
        }

        @Override
        public String text() {
            StringBuilder b = new StringBuilder("steps:");
            for (int i = 0; i < steps.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(number(steps.get(i).perSecond())).append('@').append(duration(steps.get(i).at()));
            }
            return b.toString();
        }
    }

    /**
     * One step of a {@link Steps} schedule.
     *
     * @param perSecond records per second from {@code at} on, finite and &gt;= 0
     * @param at        when the step starts, &gt;= 0
     */
    record Step(double perSecond, Duration at) {
        /** Validates; messages name {@code rate.steps}. */
        public Step {
            requireRate("rate.steps.perSecond", perSecond, true);
            Objects.requireNonNull(at, "rate.steps.at");
            if (at.isNegative()) {
                throw new IllegalArgumentException("rate.steps.at must be >= 0s, got " + at);
            }
        }
    }

    /**
     * A base rate with periodic bursts: burst {@code k} (k = 1, 2, ...) runs over
     * {@code [k * every, k * every + length)} at {@code base + extra}; the rest of the time the rate is {@code base}.
     *
     * @param base   records per second outside bursts, finite and &gt;= 0
     * @param extra  records per second added during a burst, finite and &gt; 0
     * @param length a burst's length, &gt; 0 and shorter than {@code every}
     * @param every  the period of bursts, &gt; 0
     */
    record Burst(double base, double extra, Duration length, Duration every) implements RateSchedule {
        /** Validates; messages name {@code rate.burst.*}. */
        public Burst {
            requireRate("rate.burst.base", base, true);
            requireRate("rate.burst.extra", extra, false);
            requirePositive("rate.burst.length", length);
            requirePositive("rate.burst.every", every);
            if (length.compareTo(every) >= 0) {
                throw new IllegalArgumentException("rate.burst.length must be shorter than rate.burst.every "
                        + duration(every) + ", got " + duration(length));
            }
        }

        @Override
        public double rateAt(double seconds) {
            double t = Math.max(0, seconds);
            double p = seconds(every);
            long k = (long) Math.floor(t / p);
            return k >= 1 && t - k * p < seconds(length) ? base + extra : base;
        }

        @Override
        public double recordsBy(double seconds) {
            double t = Math.max(0, seconds);
            double p = seconds(every);
            double d = seconds(length);
            long m = (long) Math.floor(t / p);
            double inBursts = m == 0 ? 0 : (m - 1) * d + Math.min(d, t - m * p);
            return base * t + extra * inBursts;
        }

        @Override
        public double secondsFor(double records) {
            double n = Math.max(0, records);
            double p = seconds(every);
            double d = seconds(length);
            double first = base * p;
            if (n < first) {
                return n / base;
            }
            double cycle = base * p + extra * d;
            double m = n - first;
            double j = Math.floor(m / cycle);
            double rem = m - j * cycle;
            double start = (j + 1) * p;
            double inBurst = (base + extra) * d;
            if (rem < inBurst) {
                return start + rem / (base + extra);
            }
            return start + d + (rem - inBurst) / base;
        }

        @Override
        public String text() {
            return "burst:" + number(base) + "+" + number(extra) + "/" + duration(length) + "@" + duration(every);
        }
    }

    /** No limit: every record is due at once, and the producer's backpressure sets the pace. */
    record Max() implements RateSchedule {
        @Override
        public double rateAt(double seconds) {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public double recordsBy(double seconds) {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public double secondsFor(double records) {
            return 0;
        }

        @Override
        public boolean unlimited() {
            return true;
        }

        @Override
        public String text() {
            return "max";
        }
    }

    private static void requireRate(String field, double value, boolean zeroAllowed) {
        if (!Double.isFinite(value) || value < 0 || (!zeroAllowed && value == 0)) {
            throw new IllegalArgumentException(field + " must be finite and " + (zeroAllowed ? ">= 0" : "> 0")
                    + " records/s, got " + value);
        }
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0 || ms == 0 && !d.isZero()) {
            return ms + "ms";
        }
        return ms / 1000 + "s";
    }
}

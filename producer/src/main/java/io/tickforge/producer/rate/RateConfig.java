package io.tickforge.producer.rate;

import java.util.Objects;

/**
 * How fast the producer publishes.
 *
 * @param schedule the target send rate over time, records per second (see {@link RateSchedule} for the text form)
 */
public record RateConfig(RateSchedule schedule) {

    /** The default schedule: a constant 1000 records per second. */
    public static final String DEFAULT_SCHEDULE = "1000";

    /** Validates; the message names {@code rate.schedule}. */
    public RateConfig {
        Objects.requireNonNull(schedule, "rate.schedule must not be null");
    }

    /**
     * @param text the schedule's text form, e.g. {@code ramp:100..5000/60s}
     * @return the config
     * @throws IllegalArgumentException naming {@code rate} and the text when it is not a schedule
     */
    public static RateConfig parse(String text) {
        return new RateConfig(RateSchedule.parse(text));
    }

    /** @return a constant 1000 records per second */
    public static RateConfig defaults() {
        return parse(DEFAULT_SCHEDULE);
    }
}

/**
 * Rate control: how many records per second the producer sends, as a function of the time since it started
 * publishing ({@link io.tickforge.producer.rate.RateSchedule}: constant, ramp, steps, bursts or unlimited, read from
 * a compact text form), and the {@link io.tickforge.producer.rate.RatePacer} that turns a schedule into an intended
 * send time per record.
 *
 * <p>Why: load tests need a rate that is smooth (no lump at the top of each second), that can change over a run,
 * and whose misses are measured honestly: the publish delay is the actual send call time minus the intended time,
 * so a slow broker shows up as a growing delay rather than as a silently lower rate. Units: records per second,
 * seconds since the start of publishing, {@link io.tickforge.producer.rate.Ticker} nanoseconds. Owned by the
 * publishing thread; schedules are immutable.
 */
package io.tickforge.producer.rate;

/** The text grammar of rate schedules; use {@link io.tickforge.producer.rate.RateSchedule#parse(String)}. */
package io.tickforge.producer.rate.internal;

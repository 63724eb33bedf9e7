package io.tickforge.producer.rate;

import io.tickforge.producer.testing.FakeTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatePacerTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void shouldGiveRecordsIntendedTimesFromTheScheduleWhenStarted() {
        RatePacer pacer = new RatePacer(RateSchedule.parse("ramp:0..2/1s"), time);
        pacer.start();
        long origin = time.nanoTime();

        assertThat(pacer.dueNanos(0)).isEqualTo(origin);
        assertThat(pacer.dueNanos(1)).isEqualTo(origin + 1_000_000_000L);
        assertThat(pacer.dueNanos(3)).isEqualTo(origin + 2_000_000_000L);
    }

    @Test
    void shouldWaitUntilTheIntendedTimeWhenEarly() {
        RatePacer pacer = new RatePacer(RateSchedule.parse("10"), time);
        pacer.start();
        long due = pacer.dueNanos(5);

        assertThat(pacer.awaitUntil(due, () -> true)).isTrue();

        assertThat(time.nanoTime()).isGreaterThanOrEqualTo(due).isLessThan(due + RatePacer.MAX_PARK_NANOS);
    }

    @Test
    void shouldNotWaitWhenLate() {
        RatePacer pacer = new RatePacer(RateSchedule.parse("10"), time);
        pacer.start();
        time.advance(5_000_000_000L);
        long before = time.nanoTime();

        assertThat(pacer.awaitUntil(pacer.dueNanos(3), () -> true)).isTrue();

        assertThat(time.nanoTime()).isEqualTo(before);
    }

    @Test
    void shouldStopWaitingWhenToldToStop() {
        RatePacer pacer = new RatePacer(RateSchedule.parse("0.001"), time);
        pacer.start();
        long before = time.nanoTime();

        assertThat(pacer.awaitUntil(pacer.dueNanos(1), () -> time.nanoTime() < before + 200_000_000L)).isFalse();

        assertThat(time.nanoTime() - before).isLessThan(1_000_000_000L);
    }

    @Test
    void shouldResumeTheScheduleWhereItStoppedWhenShifted() {
        RatePacer pacer = new RatePacer(RateSchedule.parse("steps:10@0s,100@1s"), time);
        pacer.start();
        long before = pacer.dueNanos(10);

        pacer.shift(3_000_000_000L);

        assertThat(pacer.dueNanos(10) - before).isEqualTo(3_000_000_000L);
    }

    @Test
    void shouldReportTheScheduleRateAtTheElapsedTimeWhenAsked() {
        RatePacer pacer = new RatePacer(RateSchedule.parse("steps:10@0s,100@1s"), time);
        assertThat(pacer.targetRate()).isZero();
        pacer.start();

        assertThat(pacer.targetRate()).isEqualTo(10);
        time.advance(1_500_000_000L);
        assertThat(pacer.targetRate()).isEqualTo(100);
    }

    @Test
    void shouldRefuseDueTimesWhenNotStarted() {
        RatePacer pacer = new RatePacer(RateSchedule.parse("10"), time);

        assertThatThrownBy(() -> pacer.dueNanos(0)).isInstanceOf(IllegalStateException.class);
    }
}

package io.tickforge.producer.rate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RateScheduleTest {

    /** Counts the intended send times of records 0, 1, ... that fall in each whole second up to {@code seconds}. */
    private static int[] sendsPerSecond(RateSchedule s, int seconds) {
        int[] counts = new int[seconds];
        for (long i = 0; ; i++) {
            double t = s.secondsFor(i);
            if (t >= seconds) {
                return counts;
            }
            counts[(int) Math.floor(t)]++;
        }
    }

    @Test
    void shouldReadAConstantRateWhenGivenANumber() {
        assertThat(RateSchedule.parse("1000")).isEqualTo(new RateSchedule.Constant(1000));
        assertThat(RateSchedule.parse(" 0.5 ")).isEqualTo(new RateSchedule.Constant(0.5));
    }

    @Test
    void shouldReadEveryFormWhenWrittenInTheGrammar() {
        assertThat(RateSchedule.parse("ramp:100..5000/60s"))
                .isEqualTo(new RateSchedule.Ramp(100, 5000, Duration.ofSeconds(60)));
        assertThat(RateSchedule.parse("steps:1000@0s,5000@30s,0@1m,2@1.5m")).isEqualTo(new RateSchedule.Steps(List.of(
                new RateSchedule.Step(1000, Duration.ZERO), new RateSchedule.Step(5000, Duration.ofSeconds(30)),
                new RateSchedule.Step(0, Duration.ofMinutes(1)), new RateSchedule.Step(2, Duration.ofSeconds(90)))));
        assertThat(RateSchedule.parse("BURST:1000+20000/500ms@10s")).isEqualTo(new RateSchedule.Burst(1000, 20000,
                Duration.ofMillis(500), Duration.ofSeconds(10)));
        assertThat(RateSchedule.parse("max")).isEqualTo(new RateSchedule.Max());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000", "0.5", "ramp:100..5000/60s", "ramp:0..10/1h", "steps:1000@0s,5000@30s",
        "burst:1000+20000/1s@10s", "max"})
    void shouldReadItsOwnTextWhenWrittenBack(String text) {
        RateSchedule s = RateSchedule.parse(text);

        assertThat(RateSchedule.parse(s.text())).isEqualTo(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "-5", "1e3", "ramp:100..5000", "ramp:100..0/60s", "steps:1000@5s",
        "steps:1000@0s,5000@0s", "steps:1000@0s,0@10s", "steps:1000@0s,x", "burst:1000+0/1s@10s",
        "burst:1000+5/10s@10s", "0", "ramp:1..2/0s", "1000/s"})
    void shouldNameTheFlagValueWhenTheTextIsNotASchedule(String text) {
        assertThatThrownBy(() -> RateSchedule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rate \"" + text + "\"");
    }

    @Test
    void shouldSayWhatIsExpectedWhenTheTextMatchesNoForm() {
        assertThatThrownBy(() -> RateSchedule.parse("fast"))
                .hasMessageContaining("ramp:FROM..TO/DURATION")
                .hasMessageContaining("burst:BASE+EXTRA/LENGTH@EVERY");
    }

    @Test
    void shouldNameTheBadFieldWhenAValueIsOutOfRange() {
        assertThatThrownBy(() -> RateSchedule.parse("ramp:100..0/60s")).hasMessageContaining("rate.ramp.to");
        assertThatThrownBy(() -> RateSchedule.parse("burst:1+2/10s@5s")).hasMessageContaining("rate.burst.length");
    }

    @Test
    void shouldSpreadAConstantRateEvenlyWhenPaced() {
        RateSchedule s = RateSchedule.parse("1000");

        assertThat(s.secondsFor(0)).isZero();
        assertThat(s.secondsFor(1)).isEqualTo(0.001);
        assertThat(s.secondsFor(2500)).isEqualTo(2.5);
        assertThat(sendsPerSecond(s, 5)).containsOnly(1000);
    }

    @Test
    void shouldSendOneRecordEveryTwoSecondsWhenTheRateIsFractional() {
        RateSchedule s = RateSchedule.parse("0.5");

        assertThat(s.secondsFor(3)).isEqualTo(6.0);
        assertThat(sendsPerSecond(s, 10)).containsExactly(1, 0, 1, 0, 1, 0, 1, 0, 1, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000", "333.3", "ramp:100..5000/60s", "ramp:5000..100/30s", "ramp:0..2000/10s",
        "steps:1000@0s,5000@3.5s,0@7s,250@9s", "burst:1000+20000/1s@10s", "burst:0+3000/250ms@2s"})
    void shouldCarryNoMoreThanTheRatePlusOneInAnySecondWhenPaced(String text) {
        RateSchedule s = RateSchedule.parse(text);
        int[] counts = sendsPerSecond(s, 40);

        for (int k = 0; k < counts.length; k++) {
            double peak = 0;
            for (int j = 0; j <= 1000; j++) {
                peak = Math.max(peak, s.rateAt(k + j / 1000.0));
            }
            double due = s.recordsBy(k + 1) - s.recordsBy(k);
            assertThat(counts[k]).as("second %d of %s", k, text).isLessThanOrEqualTo((int) Math.floor(peak) + 1);
            assertThat((double) counts[k]).as("second %d of %s", k, text).isCloseTo(due, within(1.0 + 1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000", "ramp:100..5000/60s", "ramp:5000..100/30s", "steps:1000@0s,5000@30s,0@60s,7@90s",
        "burst:1000+20000/1s@10s", "burst:0+3000/250ms@2s"})
    void shouldInvertItsIntegralWhenAskedWhenARecordIsDue(String text) {
        RateSchedule s = RateSchedule.parse(text);

        for (double n = 0; n < 400_000; n += 997.5) {
            double t = s.secondsFor(n);
            assertThat(s.recordsBy(t)).as("records by secondsFor(%s) of %s", n, text).isCloseTo(n, within(1e-6 * n + 1e-6));
        }
    }

    @Test
    void shouldRampLinearlyWhenARampIsGiven() {
        RateSchedule s = RateSchedule.parse("ramp:100..5000/60s");

        assertThat(s.rateAt(0)).isEqualTo(100);
        assertThat(s.rateAt(30)).isEqualTo(2550);
        assertThat(s.rateAt(60)).isEqualTo(5000);
        assertThat(s.rateAt(600)).isEqualTo(5000);
        assertThat(s.recordsBy(60)).isCloseTo((100 + 5000) * 60 / 2.0, within(1e-6));
        int[] counts = sendsPerSecond(s, 70);
        assertThat(counts[0]).isBetween(100, 142);
        assertThat(counts[30]).isBetween(2549, 2633);
        assertThat(counts[65]).isBetween(4999, 5001);
        for (int k = 1; k < 60; k++) {
            assertThat(counts[k]).as("second %d", k).isGreaterThanOrEqualTo(counts[k - 1]);
        }
    }

    @Test
    void shouldChangeRateAtEachStepWhenStepsAreGiven() {
        RateSchedule s = RateSchedule.parse("steps:1000@0s,5000@30s,0@40s,10@50s");
        int[] counts = sendsPerSecond(s, 60);

        assertThat(counts[0]).isEqualTo(1000);
        assertThat(counts[29]).isEqualTo(1000);
        assertThat(counts[30]).isEqualTo(5000);
        assertThat(counts[39]).isEqualTo(5000);
        assertThat(counts[40]).isZero();
        assertThat(counts[49]).isZero();
        assertThat(counts[50]).isEqualTo(10);
        assertThat(s.secondsFor(1000 * 30 + 5000 * 10)).as("the first record after the pause").isEqualTo(50.0);
    }

    @Test
    void shouldBurstOnTopOfTheBaseRateEveryPeriodWhenBurstsAreGiven() {
        RateSchedule s = RateSchedule.parse("burst:1000+20000/1s@10s");
        int[] counts = sendsPerSecond(s, 31);

        assertThat(counts[0]).isEqualTo(1000);
        assertThat(counts[9]).isEqualTo(1000);
        assertThat(counts[10]).isEqualTo(21000);
        assertThat(counts[11]).isEqualTo(1000);
        assertThat(counts[20]).isEqualTo(21000);
        assertThat(counts[30]).isEqualTo(21000);
        assertThat(s.rateAt(10.5)).isEqualTo(21000);
        assertThat(s.rateAt(11)).isEqualTo(1000);
    }

    @Test
    void shouldDueEveryRecordAtOnceWhenUnlimited() {
        RateSchedule s = RateSchedule.parse("max");

        assertThat(s.unlimited()).isTrue();
        assertThat(s.secondsFor(1_000_000)).isZero();
        assertThat(s.rateAt(5)).isInfinite();
    }
}

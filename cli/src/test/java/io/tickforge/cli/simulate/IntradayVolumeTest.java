package io.tickforge.cli.simulate;

import io.tickforge.schemas.Tick;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The U-shaped intraday volume profile, measured over three simulated days of one symbol. */
class IntradayVolumeTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static double firstHour;
    private static double midday;
    private static double lastHour;
    private static double overnight;

    @BeforeAll
    static void simulate() {
        long start = LocalDateTime.of(2024, 3, 4, 0, 0).atZone(NEW_YORK).toInstant().toEpochMilli();
        MarketSimulator simulator = new MarketSimulator(SimulatorConfig.defaults(1, 99L, start, 0.5));
        double[] sums = new double[4];
        long[] counts = new long[4];
        for (int i = 0; i < 3 * 86_400 / 2; i++) {
            Tick tick = simulator.next();
            LocalTime time = Instant.ofEpochMilli(tick.ts()).atZone(NEW_YORK).toLocalTime();
            int bucket = bucket(time);
            if (bucket >= 0) {
                sums[bucket] += tick.size();
                counts[bucket]++;
            }
        }
        firstHour = sums[0] / counts[0];
        midday = sums[1] / counts[1];
        lastHour = sums[2] / counts[2];
        overnight = sums[3] / counts[3];
    }

    private static int bucket(LocalTime time) {
        if (within(time, LocalTime.of(9, 30), LocalTime.of(10, 30))) {
            return 0;
        }
        if (within(time, LocalTime.of(12, 15), LocalTime.of(13, 15))) {
            return 1;
        }
        if (within(time, LocalTime.of(15, 0), LocalTime.of(16, 0))) {
            return 2;
        }
        if (within(time, LocalTime.of(0, 0), LocalTime.of(6, 0))) {
            return 3;
        }
        return -1;
    }

    private static boolean within(LocalTime time, LocalTime from, LocalTime until) {
        return !time.isBefore(from) && time.isBefore(until);
    }

    @Test
    void shouldTradeLargerSizesInFirstHourWhenComparedToMidday() {
        assertThat(firstHour).as("mean size 09:30-10:30 vs midday %.1f", midday).isGreaterThan(1.3 * midday);
    }

    @Test
    void shouldTradeLargerSizesInLastHourWhenComparedToMidday() {
        assertThat(lastHour).as("mean size 15:00-16:00 vs midday %.1f", midday).isGreaterThan(1.3 * midday);
    }

    @Test
    void shouldTradeSmallerSizesOvernightWhenComparedToMidday() {
        assertThat(overnight).as("mean size 00:00-06:00 vs midday %.1f", midday).isLessThan(0.5 * midday);
    }
}

package io.tickforge.trainer.gate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HeldOutWindowsTest {

    /** Rows {@code [n][5]} whose every value is {@code offset + row index}. */
    static double[][] rows(int n, double offset) {
        double[][] rows = new double[n][5];
        for (int i = 0; i < n; i++) {
            Arrays.fill(rows[i], offset + i);
        }
        return rows;
    }

    /** @return held-out windows of two series of {@code rows} rows each, 5 features */
    static HeldOutWindows windows(int rows, int steps) {
        return HeldOutWindows.fit(List.of(rows(rows, 0), rows(rows, 1_000)), 5, steps);
    }

    @Test
    void shouldScaleTheHeldOutRowsIntoTheUnitRange() {
        HeldOutWindows w = windows(20, 6);

        for (float v : w.real().data()) {
            assertThat(v).isBetween(0f, 1f);
        }
        assertThat(w.scaler().mins()[0]).isZero();
        assertThat(w.scaler().maxs()[0]).isEqualTo(1_019);
    }

    @Test
    void shouldSlideWindowsWithinEachSeriesOnlyWhenGivenSeveral() {
        HeldOutWindows w = windows(20, 6);

        assertThat(w.count()).isEqualTo(2 * 15);
        for (int s = 0; s < w.count(); s++) {
            double first = w.scaler().inverse(0, w.real().get(s, 0, 0));
            double last = w.scaler().inverse(0, w.real().get(s, 5, 0));
            assertThat(last - first).as("window %d spans 5 consecutive rows", s).isCloseTo(5, within(1e-3));
        }
    }

    @Test
    void shouldSkipASeriesShorterThanAWindow() {
        HeldOutWindows w = HeldOutWindows.fit(new ArrayList<>(List.of(rows(3, 0), rows(8, 10))), 5, 6);

        assertThat(w.count()).isEqualTo(3);
    }

    @Test
    void shouldNameTheLongestSeriesWhenNoneGivesAWindow() {
        assertThatThrownBy(() -> HeldOutWindows.fit(List.of(rows(3, 0), rows(5, 0)), 5, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps 6")
                .hasMessageContaining("5 rows");
    }
}

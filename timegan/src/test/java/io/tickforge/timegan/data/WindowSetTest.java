package io.tickforge.timegan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WindowSetTest {

    /** Rows r = 0..n-1 with features (r, 10 r), scaled by an identity-like scaler. */
    private static WindowSet counting(int n, int steps) {
        double[][] rows = new double[n][];
        for (int r = 0; r < n; r++) {
            rows[r] = new double[] {r, 10 * r};
        }
        TimeSeriesTable table = new TimeSeriesTable("counting", List.of("a", "b"), rows);
        return WindowSet.slide(table, MinMaxScaler.of(new double[] {0, 0}, new double[] {1, 1}), steps);
    }

    private static List<Float> firstValues(WindowSet set) {
        List<Float> firsts = new ArrayList<>();
        for (int i = 0; i < set.count(); i++) {
            firsts.add(set.window(i)[0]);
        }
        return firsts;
    }

    @Test
    void shouldCut3662WindowsOf24WhenSlidingTheStockCsv() throws IOException {
        TimeSeriesTable table = TimeSeriesTable.readCsv(SharedData.stockCsv());
        WindowSet windows = WindowSet.slide(table, MinMaxScaler.fit(table), 24);
        assertThat(windows.count()).isEqualTo(3662);
    }

    @Test
    void shouldLayOutWindowsWindowMajorWithStrideOneWhenSliding() {
        WindowSet set = counting(5, 3);
        float[] w2 = set.window(2);
        // window 2 = rows 2, 3, 4; features innermost
        double range = 1 + MinMaxScaler.EPSILON;
        assertThat(w2).containsExactly((float) (2 / range), (float) (20 / range), (float) (3 / range),
                (float) (30 / range), (float) (4 / range), (float) (40 / range));
    }

    @Test
    void shouldScaleEveryFeatureIntoTheUnitIntervalWhenSlidingWithAFittedScaler() throws IOException {
        TimeSeriesTable table = TimeSeriesTable.readCsv(SharedData.stockCsv());
        for (float v : WindowSet.slide(table, MinMaxScaler.fit(table), 24).values()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void shouldFailNamingTheRowsWhenTheTableIsShorterThanAWindow() {
        assertThatThrownBy(() -> counting(2, 3)).hasMessageContaining("2 rows").hasMessageContaining("steps = 3");
    }

    @Test
    void shouldGiveTheSameOrderWhenShuffledWithTheSameSeed() {
        WindowSet set = counting(50, 3);
        assertThat(set.shuffled(new SplittableRandom(7)).values())
                .isEqualTo(set.shuffled(new SplittableRandom(7)).values());
    }

    @Test
    void shouldKeepEveryWindowOnceWhenShuffled() {
        WindowSet set = counting(50, 3);
        List<Float> shuffled = firstValues(set.shuffled(new SplittableRandom(7)));
        assertThat(shuffled).containsExactlyInAnyOrderElementsOf(firstValues(set)).isNotEqualTo(firstValues(set));
    }

    @Test
    void shouldPartitionTheWindowsWhenSplitting() {
        WindowSet set = counting(50, 3);
        HeldOut<WindowSet> split = set.split(0.2, new SplittableRandom(3));
        assertThat(split.validation().count()).isEqualTo(10);
        List<Float> all = new ArrayList<>(firstValues(split.train()));
        all.addAll(firstValues(split.validation()));
        assertThat(all).containsExactlyInAnyOrderElementsOf(firstValues(set));
    }

    @Test
    void shouldServeBatchesOfTheWindowsWhenAskedForABatchSource() {
        WindowSet set = counting(5, 3);
        assertThat(set.batchSource(2).windows()).isEqualTo(3);
    }
}

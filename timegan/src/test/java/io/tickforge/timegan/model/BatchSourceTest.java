package io.tickforge.timegan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchSourceTest {

    @Test
    void shouldTransposeDistinctWindowsIntoTimeMajorOrderWhenDrawingABatch() {
        int steps = 3;
        int features = 2;
        int n = 10;
        float[] windows = new float[n * steps * features];
        for (int w = 0; w < n; w++) {
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < features; f++) {
                    windows[(w * steps + t) * features + f] = w * 100 + t * 10 + f;
                }
            }
        }
        BatchSource source = new BatchSource(windows, steps, features, 4);
        source.nextBatch(new SplittableRandom(1));
        float[] x = source.xBuffer();
        Set<Integer> ids = new HashSet<>();
        for (int b = 0; b < 4; b++) {
            int w = (int) (x[b * features] / 100);
            ids.add(w);
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < features; f++) {
                    assertThat(x[(t * 4 + b) * features + f]).isEqualTo(w * 100 + t * 10 + f);
                }
            }
        }
        assertThat(ids).hasSize(4);
    }

    @Test
    void shouldDrawNoiseInTheUnitIntervalWhenAskedForNoise() {
        BatchSource source = new BatchSource(new float[4 * 6], 3, 2, 2);
        source.nextNoise(new SplittableRandom(2));
        for (float v : source.zBuffer()) {
            assertThat(v).isBetween(0f, 1f).isNotEqualTo(1f);
        }
    }

    @Test
    void shouldNameTheFieldWhenBatchExceedsTheWindows() {
        assertThatThrownBy(() -> new BatchSource(new float[2 * 6], 3, 2, 5)).hasMessageContaining("batch")
                .hasMessageContaining("5");
    }
}

package io.tickforge.timegan.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightAverageTest {

    private static Param param(String name, float... values) {
        Param p = new Param(name, 1, values.length);
        System.arraycopy(values, 0, p.value(), 0, values.length);
        return p;
    }

    @Test
    void shouldStartAtTheCurrentValuesWhenCreated() {
        Param p = param("w", 1f, -2f);
        WeightAverage avg = new WeightAverage(List.of(p), 0.9);
        p.value()[0] = 5f;
        assertThat(avg.average(0)).containsExactly(1f, -2f);
        assertThat(avg.updates()).isZero();
    }

    @Test
    void shouldWarmUpThenUseTheConfiguredDecayWhenUpdated() {
        WeightAverage avg = new WeightAverage(List.of(param("w", 0f)), 0.99);
        assertThat(avg.nextDecay()).isEqualTo(0.1);
        for (int k = 0; k < 1000; k++) {
            assertThat(avg.nextDecay()).isEqualTo(Math.min(0.99, (1.0 + k) / (10.0 + k)));
            avg.update();
        }
        assertThat(avg.nextDecay()).isEqualTo(0.99);
        assertThat(avg.updates()).isEqualTo(1000);
    }

    @Test
    void shouldFollowTheMovingAverageFormulaWhenValuesChange() {
        Param p = param("w", 0f, 10f);
        WeightAverage avg = new WeightAverage(List.of(p), 0.5);
        double[] expected = {0, 10};
        float[][] values = {{1, 2}, {3, 4}, {-5, 6}, {7, 8}, {9, -10}, {11, 12}, {13, 14}, {-1, 0}};
        for (float[] v : values) {
            System.arraycopy(v, 0, p.value(), 0, 2);
            double a = avg.nextDecay();
            for (int j = 0; j < 2; j++) {
                expected[j] = a * expected[j] + (1 - a) * v[j];
            }
            avg.update();
        }
        assertThat(avg.average(0)[0]).isCloseTo((float) expected[0], within(1e-5f));
        assertThat(avg.average(0)[1]).isCloseTo((float) expected[1], within(1e-5f));
        // from update 8 on, (1 + k) / (10 + k) >= 0.5: the configured decay applies
        assertThat(avg.nextDecay()).isEqualTo(0.5);
    }

    @Test
    void shouldConvergeToAConstantValueWhenTheWeightsStopMoving() {
        Param p = param("w", 100f);
        WeightAverage avg = new WeightAverage(List.of(p), 0.9);
        p.value()[0] = 3f;
        for (int k = 0; k < 300; k++) {
            avg.update();
        }
        assertThat(avg.average(0)[0]).isCloseTo(3f, within(1e-4f));
    }

    @Test
    void shouldOverwriteEveryParamWithItsAverageWhenCopied() {
        Param a = param("a", 1f, 2f);
        Param b = param("b", 3f);
        WeightAverage avg = new WeightAverage(List.of(a, b), 0.9);
        a.value()[0] = 10f;
        b.value()[0] = 30f;
        avg.update();
        float[] avgA = avg.average(0).clone();
        float[] avgB = avg.average(1).clone();
        avg.copyToParams();
        assertThat(a.value()).containsExactly(avgA);
        assertThat(b.value()).containsExactly(avgB);
        assertThat(a.value()[0]).isEqualTo(0.1f * 1f + 0.9f * 10f);
    }

    @Test
    void shouldRestartAtTheCurrentValuesWhenReset() {
        Param p = param("w", 1f);
        WeightAverage avg = new WeightAverage(List.of(p), 0.9);
        p.value()[0] = 4f;
        avg.update();
        avg.reset();
        assertThat(avg.average(0)).containsExactly(4f);
        assertThat(avg.updates()).isZero();
    }

    @Test
    void shouldNameTheDecayWhenItIsOutsideZeroToOne() {
        for (double bad : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new WeightAverage(List.of(param("w", 1f)), bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decay");
        }
    }
}

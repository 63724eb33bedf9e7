package io.tickforge.timegan.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {

    private static Param param(float[] value, float[] grad) {
        Param p = new Param("p", 1, value.length);
        System.arraycopy(value, 0, p.value(), 0, value.length);
        System.arraycopy(grad, 0, p.grad(), 0, grad.length);
        return p;
    }

    @Test
    void shouldFollowTf1FormulaWhenTakingTwoSteps() {
        Param p = param(new float[] {0.5f, -1f}, new float[] {0.2f, -3f});
        Adam adam = new Adam(List.of(p), AdamConfig.tf1Defaults());
        adam.step();
        float[] g2 = {-0.1f, 1f};
        System.arraycopy(g2, 0, p.grad(), 0, 2);
        adam.step();
        double[] w = {0.5, -1};
        double[][] grads = {{0.2, -3}, {-0.1, 1}};
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= 2; t++) {
            double lrT = 0.001 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            for (int i = 0; i < 2; i++) {
                double g = grads[t - 1][i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                w[i] -= lrT * m[i] / (Math.sqrt(v[i]) + 1e-8);
            }
        }
        assertThat((double) p.value()[0]).isCloseTo(w[0], within(1e-6));
        assertThat((double) p.value()[1]).isCloseTo(w[1], within(1e-6));
        assertThat(adam.steps()).isEqualTo(2);
    }

    @Test
    void shouldMoveEachWeightByTheLearningRateWhenTakingTheFirstStep() {
        Param p = param(new float[] {0f, 0f}, new float[] {0.1f, -50f});
        new Adam(List.of(p), AdamConfig.tf1Defaults()).step();
        assertThat((double) p.value()[0]).isCloseTo(-0.001, within(1e-7));
        assertThat((double) p.value()[1]).isCloseTo(0.001, within(1e-7));
    }

    @Test
    void shouldScaleGradientsToTheClipNormWhenTheirNormIsLarger() {
        Param p = param(new float[] {0f, 0f}, new float[] {3f, 4f});
        Adam adam = new Adam(List.of(p), new AdamConfig(0.001, 0.9, 0.999, 1e-8, 1.0, 0));
        assertThat(adam.gradientNorm()).isCloseTo(5.0, within(1e-9));
        adam.step();
        // first moment holds (1 - beta1) * clipped gradient
        assertThat((double) adam.firstMoment(0)[0]).isCloseTo(0.1 * 0.6, within(1e-7));
        assertThat((double) adam.firstMoment(0)[1]).isCloseTo(0.1 * 0.8, within(1e-7));
    }

    @Test
    void shouldShrinkWeightsWhenDecoupledWeightDecayIsOnAndGradientIsZero() {
        Param p = param(new float[] {2f}, new float[] {0f});
        new Adam(List.of(p), new AdamConfig(0.1, 0.9, 0.999, 1e-8, 0, 0.5)).step();
        assertThat((double) p.value()[0]).isCloseTo(2 - 0.1 * 0.5 * 2, within(1e-6));
    }

    @Test
    void shouldNameTheFieldWhenConfigIsInvalid() {
        assertThatThrownBy(() -> new AdamConfig(0.001, 1.0, 0.999, 1e-8, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta1").hasMessageContaining("1.0");
        assertThatThrownBy(() -> new AdamConfig(-1, 0.9, 0.999, 1e-8, 0, 0))
                .hasMessageContaining("learningRate");
    }

    @Test
    void shouldStepLikeTheScaledRateWhenALearningRateScaleIsSet() {
        Param scaled = param(new float[] {0.5f, -1f}, new float[] {0.2f, -3f});
        Param doubled = param(new float[] {0.5f, -1f}, new float[] {0.2f, -3f});
        Adam a = new Adam(List.of(scaled), AdamConfig.tf1Defaults());
        a.setLearningRateScale(2.0);
        Adam b = new Adam(List.of(doubled), new AdamConfig(0.002, 0.9, 0.999, 1e-8, 0, 0));
        a.step();
        b.step();
        assertThat(a.learningRateScale()).isEqualTo(2.0);
        assertThat(scaled.value()).containsExactly(doubled.value());
    }

    @Test
    void shouldNameTheScaleWhenItIsNegative() {
        Adam adam = new Adam(List.of(param(new float[] {0f}, new float[] {1f})), AdamConfig.tf1Defaults());
        assertThatThrownBy(() -> adam.setLearningRateScale(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learningRateScale").hasMessageContaining("-1.0");
    }
}

package io.tickforge.timegan.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LossesTest {

    private static final int STEPS = 4;
    private static final int BATCH = 5;
    private static final int FEATURES = 3;
    private static final int N = STEPS * BATCH * FEATURES;

    @Test
    void shouldMatchTheNaiveFormulaWhenComputingBceWithLogits() {
        float[] logits = {-3f, -0.5f, 0f, 0.7f, 4f};
        double expected = 0;
        for (float x : logits) {
            double p = 1 / (1 + Math.exp(-x));
            expected += -Math.log(p);
        }
        assertThat(Losses.bceWithLogits(logits, 0, logits.length, 1f)).isCloseTo(expected / 5, within(1e-12));
    }

    @Test
    void shouldStayFiniteWhenLogitsAreLarge() {
        float[] logits = {-200f, 200f};
        assertThat(Losses.bceWithLogits(logits, 0, 2, 1f)).isCloseTo(100.0, within(1e-9));
        assertThat(Losses.bceWithLogits(logits, 0, 2, 0f)).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void shouldMatchFiniteDifferencesWhenDifferentiatingBce() {
        SplittableRandom rng = new SplittableRandom(31);
        float[] logits = GradCheck.uniform(N, -3, 3, rng);
        for (float label : new float[] {0f, 1f}) {
            float[] grad = new float[N];
            Losses.bceWithLogitsGrad(logits, 0, N, label, 7.0, grad, 0);
            GradCheck.Result result = GradCheck.check("bce" + label, logits, grad,
                    () -> 7.0 * Losses.bceWithLogits(logits, 0, N, label), 1e-2f, 1e-2, 1e-4);
            assertThat(result.failures()).as(result.toString()).isEmpty();
        }
    }

    @Test
    void shouldMatchFiniteDifferencesForBothOperandsWhenDifferentiatingMse() {
        SplittableRandom rng = new SplittableRandom(32);
        float[] a = GradCheck.uniform(N, 0, 1, rng);
        float[] b = GradCheck.uniform(N, 0, 1, rng);
        float[] ga = new float[N];
        float[] gb = new float[N];
        Losses.mseGrad(a, 0, b, 0, N, 3.0, ga, 0, gb, 0);
        GradCheck.Result ra = GradCheck.check("mse.a", a, ga, () -> 3.0 * Losses.mse(a, 0, b, 0, N), 1e-2f, 1e-2,
                1e-4);
        GradCheck.Result rb = GradCheck.check("mse.b", b, gb, () -> 3.0 * Losses.mse(a, 0, b, 0, N), 1e-2f, 1e-2,
                1e-4);
        assertThat(ra.failures()).as(ra.toString()).isEmpty();
        assertThat(rb.failures()).as(rb.toString()).isEmpty();
    }

    @Test
    void shouldUseOffsetsWhenComparingShiftedSequences() {
        float[] h = {1f, 2f, 3f, 4f};
        float[] s = {2f, 3f, 4f, 9f};
        // H[1:] against S[:-1] with one feature and one sequence: all equal
        assertThat(Losses.mse(h, 1, s, 0, 3)).isZero();
    }

    @Test
    void shouldMatchFiniteDifferencesWhenDifferentiatingTheMomentLosses() {
        SplittableRandom rng = new SplittableRandom(33);
        float[] xHat = GradCheck.uniform(N, 0, 1, rng);
        float[] x = GradCheck.uniform(N, 0, 1, rng);
        float[] g1 = new float[N];
        float[] g2 = new float[N];
        Losses.momentsGrad(xHat, x, STEPS, BATCH, FEATURES, 1.0, 0.0, g1);
        Losses.momentsGrad(xHat, x, STEPS, BATCH, FEATURES, 0.0, 1.0, g2);
        GradCheck.Result r1 = GradCheck.check("V1", xHat, g1,
                () -> Losses.moments(xHat, x, STEPS, BATCH, FEATURES)[0], 1e-3f, 1e-2, 1e-4);
        GradCheck.Result r2 = GradCheck.check("V2", xHat, g2,
                () -> Losses.moments(xHat, x, STEPS, BATCH, FEATURES)[1], 1e-3f, 1e-2, 1e-4);
        assertThat(r1.failures()).as(r1.toString()).isEmpty();
        assertThat(r2.failures()).as(r2.toString()).isEmpty();
        assertThat(r1.significant()).isEqualTo(N);
        assertThat(r2.significant()).isEqualTo(N);
    }

    @Test
    void shouldBeZeroWhenBothBatchesHaveTheSameMoments() {
        SplittableRandom rng = new SplittableRandom(34);
        float[] x = GradCheck.uniform(N, 0, 1, rng);
        // permuting sequences within the batch keeps per-step moments
        float[] permuted = new float[N];
        for (int t = 0; t < STEPS; t++) {
            for (int b = 0; b < BATCH; b++) {
                int from = (t * BATCH + (b + 1) % BATCH) * FEATURES;
                System.arraycopy(x, from, permuted, (t * BATCH + b) * FEATURES, FEATURES);
            }
        }
        double[] v = Losses.moments(permuted, x, STEPS, BATCH, FEATURES);
        assertThat(v[0]).isCloseTo(0.0, within(1e-6));
        assertThat(v[1]).isCloseTo(0.0, within(1e-7));
    }
}

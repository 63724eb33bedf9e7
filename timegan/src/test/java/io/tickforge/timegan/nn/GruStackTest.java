package io.tickforge.timegan.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GruStackTest {

    private static final int BATCH = 3;
    private static final int STEPS = 4;
    private static final int IN = 3;
    private static final int HIDDEN = 5;
    private static final int LAYERS = 2;

    /** A stack, an input, a random projection R and the loss L = sum(out * R). */
    private static final class Fixture {
        final GruStack gru;
        final GruStack.Tape tape;
        final float[] x;
        final float[] r;

        Fixture(long seed, GruInit init) {
            SplittableRandom rng = new SplittableRandom(seed);
            gru = new GruStack("gru", IN, HIDDEN, LAYERS, init, rng);
            tape = gru.newTape(BATCH, STEPS, Gemm.plainJava());
            x = GradCheck.uniform(STEPS * BATCH * IN, -1, 1, rng);
            r = GradCheck.uniform(STEPS * BATCH * HIDDEN, -1, 1, rng);
        }

        double loss() {
            return GradCheck.dot(gru.forward(x, 0, tape), r);
        }

        void computeGradients() {
            gru.params().forEach(Param::zeroGrad);
            gru.forward(x, 0, tape);
            gru.backward(r, 0, tape, true);
        }
    }

    @Test
    void shouldMatchFiniteDifferencesForEveryWeightAndBiasWhenBackpropagatingThroughTime() {
        for (GruInit init : GruInit.values()) {
            Fixture f = new Fixture(11, init);
            f.computeGradients();
            for (Param p : f.gru.params()) {
                float[] analytic = p.grad().clone();
                GradCheck.Result result = GradCheck.check(init + " " + p.name(), p.value(), analytic, f::loss);
                assertThat(result.failures()).as(result.toString()).isEmpty();
                // TF1's gate bias of 1 saturates the update gate, so fewer entries are large there
                int minSignificant = init == GruInit.GLOROT_ORTHOGONAL ? p.size() / 3 : 1;
                assertThat(result.significant()).as(result.toString()).isGreaterThanOrEqualTo(minSignificant);
            }
        }
    }

    @Test
    void shouldMatchFiniteDifferencesForTheInputGradientWhenBackpropagatingThroughTime() {
        Fixture f = new Fixture(12, GruInit.GLOROT_ORTHOGONAL);
        f.computeGradients();
        float[] analytic = f.tape.inputGrad().clone();
        GradCheck.Result result = GradCheck.check("dX", f.x, analytic, f::loss);
        assertThat(result.failures()).as(result.toString()).isEmpty();
        assertThat(result.significant()).isGreaterThan(f.x.length / 2);
    }

    @Test
    void shouldCatchAWrongGradientWhenOneEntryIsOffByFivePercent() {
        Fixture f = new Fixture(13, GruInit.GLOROT_ORTHOGONAL);
        f.computeGradients();
        Param u = f.gru.params().get(1);
        float[] sabotaged = u.grad().clone();
        int largest = 0;
        for (int i = 1; i < sabotaged.length; i++) {
            if (Math.abs(sabotaged[i]) > Math.abs(sabotaged[largest])) {
                largest = i;
            }
        }
        sabotaged[largest] *= 1.05f;
        String expected = "sabotaged[" + largest + "]";
        GradCheck.Result result = GradCheck.check("sabotaged", u.value(), sabotaged, f::loss);
        assertThat(result.failures()).hasSize(1).allMatch(s -> s.startsWith(expected));
    }

    @Test
    void shouldAccumulateGradientsWhenBackwardRunsTwice() {
        Fixture f = new Fixture(14, GruInit.GLOROT_ORTHOGONAL);
        f.computeGradients();
        float[] once = f.gru.params().get(0).grad().clone();
        f.gru.backward(f.r, 0, f.tape, false);
        float[] twice = f.gru.params().get(0).grad();
        for (int i = 0; i < once.length; i++) {
            assertThat(twice[i]).isCloseTo(2 * once[i], org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    @Test
    void shouldEqualTheSequenceForwardWhenSteppingWithCarriedState() {
        Fixture f = new Fixture(15, GruInit.GLOROT_ORTHOGONAL);
        float[] full = f.gru.forward(f.x, 0, f.tape).clone();
        GruStack.StepState state = f.gru.newStepState(BATCH, Gemm.plainJava());
        for (int t = 0; t < STEPS; t++) {
            float[] out = f.gru.forwardStep(f.x, t * BATCH * IN, state);
            for (int i = 0; i < BATCH * HIDDEN; i++) {
                assertThat(out[i]).as("t=%d i=%d", t, i).isEqualTo(full[t * BATCH * HIDDEN + i]);
            }
        }
    }

    @Test
    void shouldMatchTheSequenceForwardWithinRoundingWhenSteppingThroughOpenBlas() {
        Fixture f = new Fixture(19, GruInit.GLOROT_ORTHOGONAL);
        GruStack.Tape tape = f.gru.newTape(BATCH, STEPS, Gemm.openBlas());
        float[] full = f.gru.forward(f.x, 0, tape).clone();
        GruStack.StepState state = f.gru.newStepState(BATCH, Gemm.openBlas());
        for (int t = 0; t < STEPS; t++) {
            float[] out = f.gru.forwardStep(f.x, t * BATCH * IN, state);
            for (int i = 0; i < BATCH * HIDDEN; i++) {
                assertThat(out[i]).as("t=%d i=%d", t, i)
                        .isCloseTo(full[t * BATCH * HIDDEN + i], org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void shouldGiveTheSameGradientsWithinRoundingWhenUsingOpenBlas() {
        Fixture f = new Fixture(20, GruInit.GLOROT_ORTHOGONAL);
        f.computeGradients();
        float[][] java = f.gru.params().stream().map(p -> p.grad().clone()).toArray(float[][]::new);
        GruStack.Tape tape = f.gru.newTape(BATCH, STEPS, Gemm.openBlas());
        f.gru.params().forEach(Param::zeroGrad);
        f.gru.forward(f.x, 0, tape);
        f.gru.backward(f.r, 0, tape, true);
        for (int k = 0; k < java.length; k++) {
            float[] blas = f.gru.params().get(k).grad();
            for (int i = 0; i < blas.length; i++) {
                assertThat(blas[i]).as("%s[%d]", f.gru.params().get(k).name(), i)
                        .isCloseTo(java[k][i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
        assertThat(tape.inputGrad()).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-5f ? 0 : 1)
                .containsExactly(f.tape.inputGrad());
    }

    @Test
    void shouldRestartFromZeroStateWhenReset() {
        Fixture f = new Fixture(16, GruInit.GLOROT_ORTHOGONAL);
        GruStack.StepState state = f.gru.newStepState(BATCH, Gemm.plainJava());
        float[] first = f.gru.forwardStep(f.x, 0, state).clone();
        f.gru.forwardStep(f.x, BATCH * IN, state);
        state.reset();
        assertThat(f.gru.forwardStep(f.x, 0, state)).containsExactly(first);
    }

    @Test
    void shouldGiveIdenticalWeightsWhenSeedIsTheSame() {
        Fixture a = new Fixture(17, GruInit.GLOROT_ORTHOGONAL);
        Fixture b = new Fixture(17, GruInit.GLOROT_ORTHOGONAL);
        Fixture c = new Fixture(18, GruInit.GLOROT_ORTHOGONAL);
        for (int i = 0; i < a.gru.params().size(); i++) {
            assertThat(a.gru.params().get(i).value()).containsExactly(b.gru.params().get(i).value());
        }
        assertThat(a.gru.params().get(0).value()).isNotEqualTo(c.gru.params().get(0).value());
    }
}

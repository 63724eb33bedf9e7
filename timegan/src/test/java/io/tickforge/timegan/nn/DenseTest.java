package io.tickforge.timegan.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DenseTest {

    private static final int ROWS = 12;
    private static final int IN = 5;
    private static final int OUT = 4;

    private static void checkAll(Activation activation) {
        SplittableRandom rng = new SplittableRandom(21);
        Dense dense = new Dense("head", IN, OUT, activation, rng);
        Dense.Tape tape = dense.newTape(ROWS, Gemm.plainJava());
        float[] x = GradCheck.uniform(ROWS * IN, -1, 1, rng);
        float[] r = GradCheck.uniform(ROWS * OUT, -1, 1, rng);
        dense.forward(x, 0, tape);
        float[] dx = dense.backward(r, 0, tape).clone();
        for (Param p : dense.params()) {
            GradCheck.Result result = GradCheck.check(activation + " " + p.name(), p.value(), p.grad().clone(),
                    () -> GradCheck.dot(dense.forward(x, 0, tape), r));
            assertThat(result.failures()).as(result.toString()).isEmpty();
            assertThat(result.significant()).as(result.toString()).isGreaterThanOrEqualTo(p.size() / 2);
        }
        GradCheck.Result result = GradCheck.check(activation + " dX", x, dx,
                () -> GradCheck.dot(dense.forward(x, 0, tape), r));
        assertThat(result.failures()).as(result.toString()).isEmpty();
        assertThat(result.significant()).as(result.toString()).isGreaterThanOrEqualTo(x.length / 2);
    }

    @Test
    void shouldMatchFiniteDifferencesWhenActivationIsSigmoid() {
        checkAll(Activation.SIGMOID);
    }

    @Test
    void shouldMatchFiniteDifferencesWhenActivationIsLinear() {
        checkAll(Activation.LINEAR);
    }

    @Test
    void shouldGiveTheSameRowsWhenApplyingWithoutTape() {
        SplittableRandom rng = new SplittableRandom(22);
        Dense dense = new Dense("head", IN, OUT, Activation.SIGMOID, rng);
        float[] x = GradCheck.uniform(ROWS * IN, -1, 1, rng);
        float[] viaTape = dense.forward(x, 0, dense.newTape(ROWS, Gemm.plainJava()));
        float[] y = new float[ROWS * OUT];
        dense.apply(x, 0, ROWS, y, 0, Gemm.plainJava());
        assertThat(y).containsExactly(viaTape);
    }
}

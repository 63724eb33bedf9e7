package io.tickforge.timegan.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChainTest {

    private static final int BATCH = 3;
    private static final int STEPS = 4;
    private static final int IN = 3;
    private static final int HIDDEN = 5;

    @Test
    void shouldMatchFiniteDifferencesEndToEndWhenChainingGruDenseSigmoidAndMse() {
        SplittableRandom rng = new SplittableRandom(41);
        RecurrentNet net = new RecurrentNet("net", IN, HIDDEN, 2, IN, Activation.SIGMOID, GruInit.GLOROT_ORTHOGONAL,
                rng);
        RecurrentNet.Tape tape = net.newTape(BATCH, STEPS, Gemm.plainJava());
        int n = STEPS * BATCH * IN;
        float[] x = GradCheck.uniform(n, 0, 1, rng);
        float[] target = GradCheck.uniform(n, 0, 1, rng);
        // a scale of 10 keeps the numerical noise of float forward passes small against the gradients
        double scale = 10.0;
        net.zeroGrad();
        float[] y = net.forward(x, 0, tape);
        float[] dy = new float[n];
        Losses.mseGrad(y, 0, target, 0, n, scale, dy, 0, null, 0);
        float[] dx = net.backward(dy, 0, tape, true).clone();
        for (Param p : net.params()) {
            GradCheck.Result result = GradCheck.check(p.name(), p.value(), p.grad().clone(),
                    () -> scale * Losses.mse(net.forward(x, 0, tape), 0, target, 0, n), GradCheck.EPS,
                    GradCheck.REL_TOL, 1e-3);
            assertThat(result.failures()).as(result.toString()).isEmpty();
            assertThat(result.significant()).as(result.toString()).isGreaterThanOrEqualTo(p.size() / 4);
        }
        GradCheck.Result result = GradCheck.check("dX", x, dx,
                () -> scale * Losses.mse(net.forward(x, 0, tape), 0, target, 0, n), GradCheck.EPS,
                GradCheck.REL_TOL, 1e-3);
        assertThat(result.failures()).as(result.toString()).isEmpty();
        assertThat(result.significant()).as(result.toString()).isGreaterThanOrEqualTo(n / 3);
    }
}

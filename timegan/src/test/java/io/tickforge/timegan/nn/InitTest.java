package io.tickforge.timegan.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitTest {

    @Test
    void shouldGiveOrthonormalColumnsWhenInitialisingOrthogonally() {
        int n = 24;
        int ld = 3 * n;
        float[] w = new float[n * ld];
        Init.orthogonal(w, n, n, ld, 1.0, new SplittableRandom(51));
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += (double) w[i * ld + n + a] * w[i * ld + n + b];
                }
                assertThat(dot).as("(W^T W)[%d][%d]", a, b).isCloseTo(a == b ? 1.0 : 0.0, within(1e-5));
            }
        }
        // the block is written inside its columns only
        assertThat(w[0]).isZero();
        assertThat(w[2 * n]).isZero();
    }

    @Test
    void shouldStayWithinTheGlorotLimitWhenInitialisingUniformly() {
        float[] w = new float[6 * 72];
        Init.glorotUniform(w, 0, 6, 72, 72, 6, 24, new SplittableRandom(52));
        double limit = Math.sqrt(6.0 / 30);
        double maxAbs = 0;
        for (float v : w) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        assertThat(maxAbs).isLessThanOrEqualTo(limit).isGreaterThan(0.9 * limit);
    }

    @Test
    void shouldGiveIdenticalNetsWhenSeedIsTheSame() {
        RecurrentNet a = new RecurrentNet("e", 6, 24, 3, 24, Activation.SIGMOID, GruInit.GLOROT_ORTHOGONAL,
                new SplittableRandom(53));
        RecurrentNet b = new RecurrentNet("e", 6, 24, 3, 24, Activation.SIGMOID, GruInit.GLOROT_ORTHOGONAL,
                new SplittableRandom(53));
        for (int i = 0; i < a.params().size(); i++) {
            assertThat(a.params().get(i).value()).as(a.params().get(i).name())
                    .containsExactly(b.params().get(i).value());
        }
    }

    @Test
    void shouldSetTf1GateBiasesToOneWhenUsingTheTf1Scheme() {
        GruStack gru = new GruStack("g", 3, 4, 1, GruInit.TF1_GRU_CELL, new SplittableRandom(54));
        float[] bias = gru.params().get(2).value();
        assertThat(bias).containsExactly(1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 0f, 0f, 0f, 0f);
    }
}

package io.tickforge.timegan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GradCheck;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.RecurrentCell;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticStreamTest {

    private static final int D = 3;
    private static final int T = 5;
    private static final int B = 4;

    private static TimeGan model(long seed) {
        return model(seed, RecurrentCell.GRU);
    }

    private static TimeGan model(long seed, RecurrentCell cell) {
        TimeGanConfig config = new TimeGanConfig(D, 6, 3, T, B, 1.0, 0.15, AdamConfig.tf1Defaults(),
                GruInit.GLOROT_ORTHOGONAL).withCell(cell);
        return new TimeGan(config, new SplittableRandom(seed), Gemm.plainJava());
    }

    @Test
    void shouldEqualTheWindowGeneratorWhenSteppingThroughTheFirstWindow() {
        for (RecurrentCell cell : RecurrentCell.values()) {
            shouldEqualTheWindowGenerator(cell);
        }
    }

    private static void shouldEqualTheWindowGenerator(RecurrentCell cell) {
        TimeGan gan = model(1, cell);
        float[] z = GradCheck.uniform(T * B * D, 0, 1, new SplittableRandom(2));
        float[] window = gan.generate(z).clone();
        SyntheticStream stream = new SyntheticStream(gan, B, Gemm.plainJava());
        for (int t = 0; t < T; t++) {
            float[] zt = new float[B * D];
            System.arraycopy(z, t * B * D, zt, 0, B * D);
            float[] xt = stream.step(zt);
            for (int i = 0; i < B * D; i++) {
                assertThat(xt[i]).as("%s t=%d i=%d", cell, t, i).isEqualTo(window[t * B * D + i]);
            }
        }
    }

    @Test
    void shouldKeepProducingValuesInTheUnitIntervalWhenSteppingBeyondTheWindow() {
        TimeGan gan = model(3);
        SyntheticStream stream = new SyntheticStream(gan, 2, Gemm.plainJava());
        SplittableRandom rng = new SplittableRandom(4);
        float[] z = new float[2 * D];
        for (int t = 0; t < 10 * T; t++) {
            for (int i = 0; i < z.length; i++) {
                z[i] = rng.nextFloat();
            }
            for (float v : stream.step(z)) {
                assertThat(v).isStrictlyBetween(0f, 1f);
            }
        }
    }

    @Test
    void shouldRepeatTheStreamWhenResetAndFedTheSameNoise() {
        TimeGan gan = model(5);
        SyntheticStream stream = new SyntheticStream(gan, 2, Gemm.plainJava());
        float[] z = GradCheck.uniform(2 * D, 0, 1, new SplittableRandom(6));
        float[] first = stream.step(z).clone();
        stream.step(z);
        stream.reset();
        assertThat(stream.step(z)).containsExactly(first);
    }

    @Test
    void shouldNameTheFieldWhenNoiseHasTheWrongLength() {
        SyntheticStream stream = new SyntheticStream(model(7), 2, Gemm.plainJava());
        assertThatThrownBy(() -> stream.step(new float[5])).hasMessageContaining("z").hasMessageContaining("5");
    }
}

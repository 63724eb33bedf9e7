package io.tickforge.timegan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickforge.timegan.nn.AdamConfig;
import io.tickforge.timegan.nn.Gemm;
import io.tickforge.timegan.nn.GradCheck;
import io.tickforge.timegan.nn.GruInit;
import io.tickforge.timegan.nn.RecurrentNet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The joint phase's weight average ({@link TimeGanConfig#emaDecay()}) inside a training run. */
class WeightAverageTrainingTest {

    private static final int D = 3;
    private static final int T = 5;
    private static final int B = 4;
    private static final int ITERATIONS = 4;
    private static final double DECAY = 0.5;

    private static TimeGanConfig config(double emaDecay) {
        return new TimeGanConfig(D, 4, 2, T, B, 1.0, 0.15, AdamConfig.tf1Defaults(), GruInit.GLOROT_ORTHOGONAL)
                .withSeed(5).withIterationsPerPhase(ITERATIONS).withEmaDecay(emaDecay);
    }

    private static BatchSource source() {
        return new BatchSource(GradCheck.uniform(20 * T * D, 0, 1, new SplittableRandom(2)), T, D, B);
    }

    private static TimeGan trained(double emaDecay) {
        TimeGan gan = new TimeGan(config(emaDecay), Gemm.plainJava());
        TrainingRun.seeded(gan, source(), null, null).run(p -> { });
        return gan;
    }

    private static List<float[]> weights(List<RecurrentNet> nets) {
        List<float[]> out = new ArrayList<>();
        nets.forEach(net -> net.params().forEach(p -> out.add(p.value().clone())));
        return out;
    }

    private static List<RecurrentNet> averagedNets(TimeGan gan) {
        return List.of(gan.embedder(), gan.recovery(), gan.generator(), gan.supervisor());
    }

    private static List<float[]> moments(TimeGan gan) {
        List<float[]> out = new ArrayList<>();
        gan.optimisers().forEach(o -> {
            for (int i = 0; i < o.params().size(); i++) {
                out.add(o.firstMoment(i).clone());
                out.add(o.secondMoment(i).clone());
            }
        });
        return out;
    }

    @Test
    void shouldKeepNoAverageWhenTheDecayIsZero() {
        TimeGan gan = new TimeGan(config(0), Gemm.plainJava());
        BatchSource s = source();
        gan.jointIteration(s, new SplittableRandom(1));
        assertThat(gan.weightAverage()).isNull();
        assertThat(gan.useAveragedWeights()).isFalse();
    }

    @Test
    void shouldGiveBitIdenticalModelsWhenTrainedTwiceWithTheSameSeedAndDecay() {
        TimeGan a = trained(DECAY);
        TimeGan b = trained(DECAY);
        List<RecurrentNet> all = List.of(a.embedder(), a.recovery(), a.generator(), a.supervisor(),
                a.discriminator());
        List<RecurrentNet> allB = List.of(b.embedder(), b.recovery(), b.generator(), b.supervisor(),
                b.discriminator());
        assertThat(weights(allB)).containsExactlyElementsOf(weights(all));
    }

    @Test
    void shouldTakeTheSameTrainingStepsAsWithoutAnAverage() {
        TimeGan averaged = trained(DECAY);
        TimeGan plain = trained(0);
        // the discriminator is not averaged, and the optimisers only ever saw the raw weights
        assertThat(weights(List.of(averaged.discriminator())))
                .containsExactlyElementsOf(weights(List.of(plain.discriminator())));
        assertThat(moments(averaged)).containsExactlyElementsOf(moments(plain));
        assertThat(averaged.generator().params().get(0).value())
                .isNotEqualTo(plain.generator().params().get(0).value());
    }

    @Test
    void shouldEndWithTheMovingAverageOfTheJointIterationsWeights() {
        // replay the run without an average, recording the averaged nets' weights around each joint iteration
        TimeGan plain = new TimeGan(config(0), Gemm.plainJava());
        List<List<float[]>> snapshots = new ArrayList<>();
        TrainingRun.seeded(plain, source(), null, null).run(p -> {
            if (p.phase() == Phase.SUPERVISED && p.iteration() == ITERATIONS - 1 || p.phase() == Phase.JOINT) {
                snapshots.add(weights(averagedNets(plain)));
            }
        });
        assertThat(snapshots).hasSize(ITERATIONS + 1);
        List<float[]> expected = snapshots.get(0);
        for (int k = 0; k < ITERATIONS; k++) {
            double a = Math.min(DECAY, (1.0 + k) / (10.0 + k));
            List<float[]> w = snapshots.get(k + 1);
            for (int i = 0; i < expected.size(); i++) {
                for (int j = 0; j < expected.get(i).length; j++) {
                    expected.get(i)[j] = (float) (a * expected.get(i)[j] + (1 - a) * w.get(i)[j]);
                }
            }
        }
        List<float[]> actual = weights(averagedNets(trained(DECAY)));
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.get(i).length; j++) {
                assertThat(actual.get(i)[j]).isCloseTo(expected.get(i)[j], within(1e-6f));
            }
        }
    }

    @Test
    void shouldEndTheAverageWhenTheAveragedWeightsAreUsed() {
        TimeGan gan = new TimeGan(config(DECAY), Gemm.plainJava());
        BatchSource s = source();
        SplittableRandom rng = new SplittableRandom(1);
        gan.jointIteration(s, rng);
        gan.jointIteration(s, rng);
        assertThat(gan.weightAverage().updates()).isEqualTo(2);
        float[] avg = gan.weightAverage().average(0).clone();
        assertThat(gan.useAveragedWeights()).isTrue();
        assertThat(gan.embedder().params().get(0).value()).containsExactly(avg);
        assertThat(gan.weightAverage()).isNull();
        assertThat(gan.useAveragedWeights()).isFalse();
        gan.jointIteration(s, rng);
        assertThat(gan.weightAverage().updates()).isEqualTo(1);
    }

    @Test
    void shouldRestoreTheWeightsOfARunWithoutAnAverageWhenTheLastIterateIsUsed() {
        TimeGan averaged = trained(DECAY);
        TimeGan plain = trained(0);
        assertThat(plain.useLastIterateWeights()).isFalse();

        assertThat(averaged.useLastIterateWeights()).isTrue();

        assertThat(weights(averagedNets(averaged))).containsExactlyElementsOf(weights(averagedNets(plain)));
        assertThat(averaged.useLastIterateWeights()).isFalse();
    }
}
